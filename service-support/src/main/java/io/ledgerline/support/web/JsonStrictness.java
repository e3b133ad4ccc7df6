package io.ledgerline.support.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;

/**
 * Text is only read from JSON strings: {@code "name": 123} or {@code "transferId": true} is the
 * wrong type (400), not the text "123" or "true". Amounts still accept a decimal string or a
 * number, which is the documented contract. For a service's request bodies; a mapper that also
 * reads documents written by others should not be made stricter than they are.
 */
public final class JsonStrictness {

    private JsonStrictness() {
    }

    public static Jackson2ObjectMapperBuilderCustomizer textOnlyFromStrings() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
