package io.ledgerline.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.query.audit.search.AuditDocument;
import io.ledgerline.query.statements.search.TransactionDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fields an index keeps for filters, totals and erasure are left out of answers; the published
 * API document must leave them out too, or it promises fields no answer has.
 */
class InternalFieldsTest {

    @Test
    void theTransactionsIndexHidesFromTheApiDocumentExactlyTheFieldsItLeavesOutOfAnswers() {
        assertThat(hiddenComponents(TransactionDocument.class))
                .containsExactlyInAnyOrderElementsOf(TransactionDocument.INTERNAL_FIELDS);
    }

    @Test
    void theAuditIndexHidesFromTheApiDocumentExactlyTheFieldsItLeavesOutOfAnswers() {
        assertThat(hiddenComponents(AuditDocument.class))
                .containsExactlyInAnyOrderElementsOf(AuditDocument.INTERNAL_FIELDS);
    }

    private static List<String> hiddenComponents(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .filter(InternalFieldsTest::isHidden)
                .map(RecordComponent::getName)
                .toList();
    }

    // @Schema does not target record components; on one, Java puts it on the field springdoc reads
    private static boolean isHidden(RecordComponent component) {
        try {
            Schema schema = component.getDeclaringRecord().getDeclaredField(component.getName())
                    .getAnnotation(Schema.class);
            return schema != null && schema.hidden();
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
