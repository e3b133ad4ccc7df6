package io.ledgerline.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.apidocs.ProblemCodes;
import io.ledgerline.support.web.apidocs.ProblemResponses;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Documents the bearer token every query endpoint requires, the limits of every parameter, and every
 * coded error an operation can answer, from the one error set of {@link QueryErrors}. A controller
 * names only its success and, with {@link RefusedWith}, the errors of its own rules.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = QueryApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT of the configured issuer, checked as RFC8725 advises: signed with "
                + "one of the issuer's keys by the algorithm the key is for (never `none`), of the configured issuer and "
                + "audience, within its expiry and not-before times. Locally from POST /api/dev/tokens on the command "
                + "side.")
@OpenAPIDefinition(security = @SecurityRequirement(name = QueryApiDocumentation.BEARER),
        info = @Info(title = "Ledgerline query API", version = "0.1.0",
                description = "Read models of the Ledgerline ledger, projected from its events: accounts and "
                        + "statements, customers, transfers, search, and the projections' administration. Reads "
                        + "follow the command API's writes; minVersion waits for a write to show. Every error is "
                        + "application/problem+json with a stable `code`."))
class QueryApiDocumentation {

    static {
        // an audited event's payload is a JSON object; springdoc would describe the JsonNode class
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    static final String BEARER = "bearer";

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses((path, method) -> RateLimitConfiguration.isQuery(path));
    }

    @Bean
    QueryParameterLimits queryParameterLimits() {
        return new QueryParameterLimits();
    }

    private static boolean isNumber(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        return schema != null && ("integer".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("integer"));
    }

    @Bean
    AnswersCarryEveryField answersCarryEveryField() {
        return new AnswersCarryEveryField();
    }

    /** The versions a 409 VERSION_NOT_YET_PROJECTED names (ConsistencyAdvice), and when to ask again. */
    private static void describeVersionConflict(ApiResponse conflict) {
        Schema<?> narrowing = (Schema<?>) conflict.getContent()
                .get(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE).getSchema().getAllOf().get(1);
        narrowing.addProperty("requestedVersion", new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(Long.MAX_VALUE)).description("VERSION_NOT_YET_PROJECTED only: the "
                        + "version asked for"));
        IntegerSchema projected = new IntegerSchema();
        projected.types(new LinkedHashSet<>(List.of("integer", "null")));
        narrowing.addProperty("projectedVersion", projected.format("int64").minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(Long.MAX_VALUE)).description("VERSION_NOT_YET_PROJECTED only: the "
                        + "version the read model holds; null while it holds none"));
        conflict.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().description("VERSION_NOT_YET_PROJECTED "
                + "only: seconds after which the version may be projected").schema(new IntegerSchema()
                .format("int64").minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Long.MAX_VALUE))));
    }

    /** An accepted request always says where its progress is read: a started rebuild's status. */
    @Bean
    OperationCustomizer acceptedAnswersSayWhereToFollow() {
        return (operation, handlerMethod) -> {
            ApiResponse accepted = operation.getResponses() == null ? null : operation.getResponses().get("202");
            if (accepted != null) {
                accepted.addHeaderObject(HttpHeaders.LOCATION, new Header().required(true)
                        .description("Where the accepted work's progress is read")
                        .schema(new StringSchema().format("uri-reference").maxLength(2048)));
            }
            return operation;
        };
    }

    /**
     * Lists each operation's coded errors under their status: those it names ({@link RefusedWith})
     * and, for one that takes query parameters or a number in its path, 400 INVALID_REQUEST. The answers of tokens, stores and
     * the rate limit follow from {@link ProblemResponses}.
     */
    @Bean
    OperationCustomizer refusals() {
        return (operation, handlerMethod) -> {
            List<String> codes = new ArrayList<>();
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            // a path variable of a number type that is no number is refused as a malformed parameter
            if (parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn())
                    || "path".equals(parameter.getIn()) && isNumber(parameter))) {
                codes.add(ErrorCodes.INVALID_REQUEST);
            }
            RefusedWith refusedWith = handlerMethod.getMethodAnnotation(RefusedWith.class);
            if (refusedWith != null) {
                codes.addAll(List.of(refusedWith.value()));
            }
            codes.forEach(code -> QueryErrors.of(code).forEach(answer ->
                    ProblemCodes.document(operation.getResponses(), answer.status(), code, answer.meaning())));
            if (codes.contains(QueryErrors.VERSION_NOT_YET_PROJECTED)) {
                describeVersionConflict(operation.getResponses().get("409"));
            }
            return operation;
        };
    }
}
