package io.ledgerline.command.web;

import io.ledgerline.command.web.ratelimit.RateLimitConfiguration;
import io.ledgerline.support.web.apidocs.ProblemResponses;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents the headers every command endpoint understands, which no controller method declares,
 * and the bearer token every endpoint but the development token issuer requires.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = CommandApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT of the configured issuer; locally from POST /api/dev/tokens")
@OpenAPIDefinition(security = @SecurityRequirement(name = CommandApiDocumentation.BEARER),
        info = @Info(title = "Ledgerline command API", version = "0.1.0",
                description = "Commands on customers, accounts and transfers of the Ledgerline ledger, and the event "
                        + "store as the audit log. A command answers once its events are stored; read models on the "
                        + "query API follow. Every error is application/problem+json with a stable `code`."))
class CommandApiDocumentation {

    static final String BEARER = "bearer";

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses((path, method) -> RateLimitConfiguration.isCommand(method.name(), path));
    }

    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handlerMethod) -> {
            if (!handlerMethod.getBeanType().isAnnotationPresent(CommandEndpoints.class)) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(CommandExecutor.IDEMPOTENCY_KEY).required(false)
                    .schema(new StringSchema().maxLength(255))
                    .description("Makes retries safe: the same key with the same request answers the first answer "
                            + "again and changes nothing; with another request it answers 409 IDEMPOTENCY_KEY_REUSED. "
                            + "A refused command records no key. 400 INVALID_IDEMPOTENCY_KEY unless 1 to 255 visible "
                            + "ASCII characters."));
            operation.addParametersItem(new HeaderParameter().name(CorrelationIdFilter.HEADER).required(false)
                    .schema(new StringSchema().maxLength(100))
                    .description("Recorded as correlationId on every event the request causes and echoed in the "
                            + "response; generated when missing or not a plain token."));
            return operation;
        };
    }
}
