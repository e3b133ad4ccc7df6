package io.ledgerline.support.web.apidocs;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents an error answer by the codes it can carry: the schema is the problem schema with
 * {@code code} narrowed to those codes, so a client can switch over them, and the description
 * says what each means. Codes of one status gather in one answer, whoever adds them.
 */
public final class ProblemCodes {

    private ProblemCodes() {
    }

    /**
     * Adds the code to the answer of the status, creating it when absent. An answer documented
     * only in words (a description without codes in its schema) is left as it is.
     */
    public static void document(ApiResponses responses, String status, String code, String meaning) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = new ApiResponse().content(new Content().addMediaType(ProblemResponses.PROBLEM_JSON,
                    new MediaType().schema(narrowed(new ArrayList<>()))));
            responses.addApiResponse(status, response);
        }
        Schema<String> codes = codesOf(response);
        if (codes == null || codes.getEnum().contains(code)) {
            return;
        }
        codes.addEnumItemObject(code);
        String line = "- `" + code + "`: " + meaning;
        response.description(response.getDescription() == null ? line : response.getDescription() + "\n" + line);
    }

    /** Whether the answer names its codes, so that nothing may replace its schema. */
    static boolean namesCodes(ApiResponse response) {
        return codesOf(response) != null;
    }

    @SuppressWarnings("unchecked")
    private static Schema<String> codesOf(ApiResponse response) {
        if (response.getContent() == null || response.getContent().get(ProblemResponses.PROBLEM_JSON) == null) {
            return null;
        }
        Schema<?> schema = response.getContent().get(ProblemResponses.PROBLEM_JSON).getSchema();
        if (schema == null || schema.getAllOf() == null || schema.getAllOf().size() != 2) {
            return null;
        }
        Schema<?> narrowing = (Schema<?>) schema.getAllOf().get(1);
        return narrowing.getProperties() == null ? null : (Schema<String>) narrowing.getProperties().get("code");
    }

    private static Schema<?> narrowed(List<String> codes) {
        StringSchema code = new StringSchema();
        code.setEnum(codes);
        return new Schema<>()
                .addAllOfItem(new Schema<>().$ref(ProblemResponses.PROBLEM_REF))
                .addAllOfItem(new ObjectSchema().addProperty("code", code));
    }
}
