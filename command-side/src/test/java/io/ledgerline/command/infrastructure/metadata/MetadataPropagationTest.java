package io.ledgerline.command.infrastructure.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.account.DebitAccountForTransferCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.support.security.Caller;
import io.ledgerline.support.security.CallerAuthentication;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** How caller, correlation and causation travel from message to message, with Axon's real unit of work. */
class MetadataPropagationTest {

    private final CausationCorrelationDataProvider provider = new CausationCorrelationDataProvider();
    private final CallerMetadataInterceptor interceptor = new CallerMetadataInterceptor();

    @AfterEach
    void leaveNoRequestBehind() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCommandOfAnAuthenticatedRequestCarriesTheTokensSubjectAsItsUser() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        new RequestOrigin(MetadataKeys.ANONYMOUS, "corr-authenticated").bindTo(request);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("teller-9").build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt, List.of(),
                new Caller("teller-9", Set.of("TELLER"), Optional.empty())));

        CommandMessage<?> command = intercepted(GenericCommandMessage.asCommandMessage("a command"));

        assertThat(command.getMetaData()).containsEntry("user", "teller-9").containsEntry("correlationId", "corr-authenticated");
    }

    @Test
    void aCommandSentWhileAnEventIsHandledIsCausedByThatEventAndKeepsItsCallerAndCorrelation() {
        EventMessage<TransferRequested> requested = GenericEventMessage.<TransferRequested>asEventMessage(
                new TransferRequested(TransferId.of("tr-1"), AccountId.of("a"), AccountId.of("b"), Money.of("1", "EUR"),
                        CustomerId.of("cust-1")))
                .andMetaData(Map.of("user", "anonymous", "correlationId", "corr-1", "causationId", "command-0",
                        "transferDescription", "rent"));
        UnitOfWork<EventMessage<TransferRequested>> handling = DefaultUnitOfWork.startAndGet(requested);
        handling.registerCorrelationDataProvider(provider);
        try {
            CommandMessage<?> debit = intercepted(GenericCommandMessage.asCommandMessage(new DebitAccountForTransferCommand(
                    AccountId.of("a"), TransferId.of("tr-1"), Money.of("1", "EUR"))));

            assertThat(debit.getMetaData()).containsEntry("causationId", requested.getIdentifier())
                    .containsEntry("correlationId", "corr-1")
                    .containsEntry("user", "anonymous")
                    // an event stored before sealing kept the client's text as metadata; it goes no further
                    .doesNotContainKey("transferDescription");
        } finally {
            handling.rollback();
        }
    }

    @Test
    void aCommandOfAnApiRequestCarriesTheRequestsCallerAndCorrelation() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        new RequestOrigin("anonymous", "corr-http").bindTo(request);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        CommandMessage<?> command = intercepted(GenericCommandMessage.asCommandMessage("a command"));

        assertThat(command.getMetaData()).containsEntry("user", "anonymous").containsEntry("correlationId", "corr-http");
    }

    @Test
    void aCommandOfNoRequestAndNoMessageIsTheSystemsAndCorrelatedWithItself() {
        CommandMessage<?> command = intercepted(GenericCommandMessage.asCommandMessage("a command"));

        assertThat(command.getMetaData().get("user")).isEqualTo("system");
        assertThat(command.getMetaData().get("correlationId")).isEqualTo(command.getIdentifier());
    }

    @Test
    void anEventIsCausedByTheCommandThatAppliedIt() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command")
                .andMetaData(Map.of("user", "anonymous", "correlationId", "corr-2"));

        assertThat(Map.<String, Object>copyOf(provider.correlationDataFor(command))).containsEntry("causationId", command.getIdentifier())
                .containsEntry("correlationId", "corr-2")
                .containsEntry("user", "anonymous")
                .doesNotContainKey("transferDescription");
    }

    private CommandMessage<?> intercepted(CommandMessage<?> command) {
        return interceptor.handle(List.of(command)).apply(0, command);
    }
}
