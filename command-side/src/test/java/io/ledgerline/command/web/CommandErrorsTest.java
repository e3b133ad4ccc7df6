package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ledgerline.command.account.UnknownTransferDebit;
import io.ledgerline.command.domain.RuleConflict;
import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.command.transfer.TransferFinished;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CommandErrorsTest {

    /** Refusals of the saga's own steps: no request causes them, so no answer carries them. */
    private static final Set<String> ONLY_THE_SAGA_MEETS = Set.of(UnknownTransferDebit.CODE, TransferFinished.CODE);

    @Test
    void documentsEveryRefusalOfTheRulesWithTheStatusItIsAnsweredWith() throws Exception {
        Map<String, String> answered = new TreeMap<>();
        for (JavaClass refusal : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ledgerline.command")) {
            if (refusal.isAssignableTo(RuleViolation.class) && refusal.tryGetField("CODE").isPresent()) {
                Class<?> type = refusal.reflect();
                String code = (String) type.getField("CODE").get(null);
                answered.put(code, RuleConflict.class.isAssignableFrom(type) ? "409" : "422");
            }
        }
        ONLY_THE_SAGA_MEETS.forEach(answered::remove);

        assertThat(answered).hasSizeGreaterThan(20);
        answered.forEach((code, status) -> assertThat(CommandErrors.of(code).status()).as(code).isEqualTo(status));
    }

    @Test
    void refusesToDocumentACodeItDoesNotKnow() {
        assertThatThrownBy(() -> CommandErrors.of("NO_SUCH_CODE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_SUCH_CODE");
    }
}
