package io.ledgerline.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.command.web.ratelimit.RateLimitConfiguration;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.apidocs.ProblemCodes;
import io.ledgerline.support.web.apidocs.ProblemResponses;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;

/**
 * Documents what no controller method declares: the headers every command endpoint understands, the
 * bearer token every endpoint but the development token issuer requires, and every coded error an
 * operation can answer, from the one error set of {@link CommandErrors}. A controller names only its
 * success and, with {@link RefusedWith}, the refusals of its own rules.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = CommandApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT of the configured issuer, checked as RFC8725 advises: signed with "
                + "one of the issuer's keys by the algorithm the key is for (never `none`), of the configured issuer and "
                + "audience, within its expiry and not-before times. Locally from POST /api/dev/tokens.")
@OpenAPIDefinition(security = @SecurityRequirement(name = CommandApiDocumentation.BEARER),
        info = @Info(title = "Ledgerline command API", version = "0.1.0",
                description = "Commands on customers, accounts and transfers of the Ledgerline ledger, and the event "
                        + "store as the audit log. A command answers once its events are stored; read models on the "
                        + "query API follow. Every error is application/problem+json with a stable `code`."))
class CommandApiDocumentation {

    static {
        // an event's payload in the audit history is any JSON object; springdoc would describe the JsonNode class
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    static final String BEARER = "bearer";
    private static final String PARAMETERS = "#/components/parameters/";
    private static final String HEADERS = "#/components/headers/";
    private static final String CORRELATION_ID_ANSWER = "X-Correlation-Id-Answer";


    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses((path, method) -> RateLimitConfiguration.isCommand(method.name(), path));
    }

    /**
     * Lists each operation's coded refusals under their status: those it names ({@link RefusedWith})
     * and those its kind implies. The answers of tokens, bodies, stores and the rate limit follow
     * from {@link ProblemResponses}.
     */
    @Bean
    OperationCustomizer refusals() {
        return (operation, handlerMethod) -> {
            List<String> codes = new ArrayList<>();
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
                codes.add(ErrorCodes.NOT_FOUND);
            }
            if (parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn())
                    || IfMatch.HEADER.equals(parameter.getName()))) {
                codes.add(ErrorCodes.INVALID_REQUEST);
            }
            if (parameters.stream().anyMatch(parameter -> IfMatch.HEADER.equals(parameter.getName()))) {
                codes.add(CommandRefusalAdvice.VERSION_CONFLICT);
            }
            if (handlerMethod.getBeanType().isAnnotationPresent(CommandEndpoints.class)) {
                codes.addAll(List.of(CommandExecutor.INVALID_IDEMPOTENCY_KEY, CommandExecutor.IDEMPOTENCY_KEY_REUSED,
                        CommandRefusalAdvice.CONFLICT));
            }
            if (operation.getRequestBody() != null) {
                codes.add(ErrorCodes.UNSUPPORTED_MEDIA_TYPE);
            }
            RefusedWith refusedWith = handlerMethod.getMethodAnnotation(RefusedWith.class);
            if (refusedWith != null) {
                codes.addAll(List.of(refusedWith.value()));
            }
            codes.forEach(code -> {
                CommandErrors.Refusal refusal = CommandErrors.of(code);
                ProblemCodes.document(operation.getResponses(), refusal.status(), code, refusal.meaning());
            });
            return operation;
        };
    }

    @Bean
    AnswersCarryEveryField answersCarryEveryField() {
        return new AnswersCarryEveryField();
    }

    /** Every path variable of the command API is an id; another one names nothing (404). */
    @Bean
    OperationCustomizer pathIds() {
        return (operation, handlerMethod) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(parameter -> "path".equals(parameter.getIn()))
                        .forEach(parameter -> parameter.schema(new StringSchema().maxLength(ApiFormats.MAX_ID_LENGTH)
                                .pattern(ApiFormats.ID)));
            }
            return operation;
        };
    }

    /**
     * The headers of a successful answer: every answer echoes its correlation id; a command's answer
     * carries the version it produced as ETag (for the next If-Match) and says when it is replayed, and
     * what made something (a customer, an account, a transfer, a republication) names it in Location.
     */
    @Bean
    OperationCustomizer answerHeaders() {
        return (operation, handlerMethod) -> {
            boolean command = handlerMethod.getBeanType().isAnnotationPresent(CommandEndpoints.class);
            Class<?> body = ResolvableType.forMethodReturnType(handlerMethod.getMethod()).getGeneric(0).resolve();
            // an answer that tells the version the command produced also carries it as ETag
            boolean versioned = body != null && body.isRecord() && Arrays.stream(body.getRecordComponents())
                    .anyMatch(component -> component.getName().equals("version"));
            operation.getResponses().forEach((status, answer) -> {
                if (!status.startsWith("2")) {
                    return;
                }
                answer.addHeaderObject(CorrelationIdFilter.HEADER, new Header().$ref(HEADERS + CORRELATION_ID_ANSWER));
                if (command && versioned) {
                    answer.addHeaderObject(HttpHeaders.ETAG, new Header().$ref(HEADERS + HttpHeaders.ETAG));
                }
                if (status.equals("201") || status.equals("202")) {
                    answer.addHeaderObject(HttpHeaders.LOCATION, new Header().$ref(HEADERS + HttpHeaders.LOCATION));
                }
                if (command) {
                    answer.addHeaderObject(CommandExecutor.REPLAYED, new Header().$ref(HEADERS + CommandExecutor.REPLAYED));
                }
            });
            return operation;
        };
    }

    /** The headers commands understand and answers carry, described once and referred to by each operation. */
    @Bean
    OpenApiCustomizer commandHeaderComponents() {
        return api -> api.getComponents()
                .addHeaders(CORRELATION_ID_ANSWER, new Header().description("The request's correlation id: the one "
                        + "given, or the one generated when none or an unusable one was given")
                        .schema(new StringSchema().maxLength(100).pattern(ApiFormats.ID)))
                .addHeaders(HttpHeaders.ETAG, new Header().description("The aggregate's version after the command, "
                        + "for the If-Match of the next one").schema(new StringSchema().maxLength(21)
                        .pattern("^\"[0-9]{1,19}\"$").example("\"4\"")))
                .addHeaders(HttpHeaders.LOCATION, new Header().required(true).description("Where what the request "
                        + "made is read: a new customer, account or transfer on the query side, a republication's "
                        + "status here")
                        .schema(new StringSchema().format("uri").maxLength(2048)))
                .addHeaders(CommandExecutor.REPLAYED, new Header().description("Present on an answer given again for "
                        + "a repeated Idempotency-Key: the request changed nothing this time")
                        .schema(new StringSchema()._enum(List.of("true"))))
                .addParameters(CommandExecutor.IDEMPOTENCY_KEY, new HeaderParameter().name(CommandExecutor.IDEMPOTENCY_KEY)
                        .required(false)
                        .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]{1,255}$"))
                        .description("Makes retries safe: the same key with the same request answers the first answer "
                                + "again and changes nothing; with another request it answers 409 "
                                + "IDEMPOTENCY_KEY_REUSED. A refused command records no key. 400 INVALID_IDEMPOTENCY_KEY "
                                + "unless 1 to 255 visible ASCII characters."))
                .addParameters(CorrelationIdFilter.HEADER, new HeaderParameter().name(CorrelationIdFilter.HEADER)
                        .required(false)
                        .schema(new StringSchema().maxLength(8192))
                        .description("Recorded as correlationId on every event the request causes and echoed in the "
                                + "response; generated when missing or not a plain token (1 to 100 letters, digits or "
                                + "._:-), so any value is accepted."));
    }

    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handlerMethod) -> {
            if (!handlerMethod.getBeanType().isAnnotationPresent(CommandEndpoints.class)) {
                return operation;
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(parameter -> IfMatch.HEADER.equals(parameter.getName()))
                        .forEach(parameter -> parameter.schema(new StringSchema().maxLength(23)
                                        .pattern("^(\\*|(W/)?\"?[0-9]{1,18}\"?)$").example("\"3\""))
                                .description("The version last read, e.g. \"3\" (the ETag of the last answer): the "
                                        + "command runs only on that version, else 409 VERSION_CONFLICT. Without it, "
                                        + "or with *, on any version."));
            }
            operation.addParametersItem(new Parameter().$ref(PARAMETERS + CommandExecutor.IDEMPOTENCY_KEY));
            operation.addParametersItem(new Parameter().$ref(PARAMETERS + CorrelationIdFilter.HEADER));
            return operation;
        };
    }
}
