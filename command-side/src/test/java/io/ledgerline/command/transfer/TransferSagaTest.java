package io.ledgerline.command.transfer;

import static io.ledgerline.command.account.AccountEvents.creditedForTransfer;
import static io.ledgerline.command.account.AccountEvents.debitReversed;
import static io.ledgerline.command.account.AccountEvents.debitSettled;
import static io.ledgerline.command.account.AccountEvents.debitedForTransfer;
import static io.ledgerline.command.account.AccountEvents.eur;
import static io.ledgerline.command.transfer.TransferEvents.DESTINATION;
import static io.ledgerline.command.transfer.TransferEvents.SOURCE;
import static io.ledgerline.command.transfer.TransferEvents.TRANSFER;
import static io.ledgerline.command.transfer.TransferEvents.completed;
import static io.ledgerline.command.transfer.TransferEvents.failed;
import static io.ledgerline.command.transfer.TransferEvents.requested;

import io.ledgerline.command.account.AccountIsClosed;
import io.ledgerline.command.account.CreditAccountForTransferCommand;
import io.ledgerline.command.account.DebitAccountForTransferCommand;
import io.ledgerline.command.account.InsufficientFunds;
import io.ledgerline.command.account.ReverseTransferDebitCommand;
import io.ledgerline.command.account.SettleTransferDebitCommand;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransferSagaTest {

    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final String LATE = "The transfer did not complete within " + DEADLINE;
    private static final String ID = TRANSFER.value();

    private SagaTestFixture<TransferSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TransferSaga.class);
        fixture.registerResource(new TransferProperties(DEADLINE));
    }

    private static DebitAccountForTransferCommand debit() {
        return new DebitAccountForTransferCommand(SOURCE, TRANSFER, eur("30"));
    }

    private static CreditAccountForTransferCommand credit() {
        return new CreditAccountForTransferCommand(DESTINATION, TRANSFER, eur("30"));
    }

    @Nested
    class WhenRequested {

        @Test
        void debitsTheSourceAndSchedulesTheDeadline() {
            fixture.givenNoPriorActivity()
                    .whenAggregate(ID).publishes(requested())
                    .expectActiveSagas(1)
                    .expectDispatchedCommands(debit())
                    .expectScheduledDeadlineWithName(DEADLINE, TransferSaga.DEADLINE);
        }

        @Test
        void failsTheTransferWhenTheSourceRefusesTheDebit() {
            InsufficientFunds refusal = new InsufficientFunds(SOURCE, eur("30"), eur("10"));
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof DebitAccountForTransferCommand) {
                    throw refusal;
                }
                return 0L;
            });
            fixture.givenNoPriorActivity()
                    .whenAggregate(ID).publishes(requested())
                    .expectDispatchedCommands(debit(),
                            new FailTransferCommand(TRANSFER, InsufficientFunds.CODE, refusal.getMessage()));
        }

        @Test
        void failsTheTransferWhenTheDebitFailsForATechnicalReason() {
            fixture.setCallbackBehavior((command, metaData) -> {
                throw new IllegalStateException("database unavailable");
            });
            fixture.givenNoPriorActivity()
                    .whenAggregate(ID).publishes(requested())
                    .expectDispatchedCommands(debit(),
                            new FailTransferCommand(TRANSFER, TransferSaga.STEP_FAILED, "database unavailable"));
        }
    }

    @Nested
    class WhenDebited {

        @Test
        void creditsTheDestination() {
            fixture.givenAggregate(ID).published(requested())
                    .whenAggregate(SOURCE.value()).publishes(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .expectDispatchedCommands(credit());
        }

        @Test
        void givesTheDebitBackWhenTheDestinationRefusesTheCredit() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand) {
                    throw new AccountIsClosed(DESTINATION);
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .whenAggregate(SOURCE.value()).publishes(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .expectDispatchedCommands(credit(),
                            new ReverseTransferDebitCommand(SOURCE, TRANSFER, AccountIsClosed.CODE));
        }

        @Test
        void givesTheDebitBackWhenTheDestinationAccountDoesNotExist() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand) {
                    throw new AggregateNotFoundException(DESTINATION.value(), "no such account");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .whenAggregate(SOURCE.value()).publishes(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .expectDispatchedCommands(credit(),
                            new ReverseTransferDebitCommand(SOURCE, TRANSFER, TransferSaga.UNKNOWN_ACCOUNT));
        }

        @Test
        void recognisesARefusedCreditThatTheCommandBusWrapped() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand) {
                    throw new CompletionException(new ExecutionException(new AccountIsClosed(DESTINATION)));
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .whenAggregate(SOURCE.value()).publishes(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .expectDispatchedCommands(credit(),
                            new ReverseTransferDebitCommand(SOURCE, TRANSFER, AccountIsClosed.CODE));
        }

        @Test
        void keepsTheDebitWhenTheCreditFailsForATechnicalReason() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand) {
                    throw new IllegalStateException("connection reset");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .whenAggregate(SOURCE.value()).publishes(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .expectDispatchedCommands(credit())
                    .expectActiveSagas(1);
        }

        @Test
        void failsTheTransferWithTheCreditsRefusalOnceTheDebitIsBack() {
            AccountIsClosed refusal = new AccountIsClosed(DESTINATION);
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand) {
                    throw refusal;
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .whenAggregate(SOURCE.value())
                    .publishes(debitReversed(SOURCE, TRANSFER, "30", "100", AccountIsClosed.CODE))
                    .expectDispatchedCommands(
                            new FailTransferCommand(TRANSFER, AccountIsClosed.CODE, refusal.getMessage()));
        }
    }

    @Nested
    class WhenTheDebitIsGivenBack {

        @Test
        void failsWithTheReversalsReasonWhereTheTransferHadNoneOfItsOwn() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand) {
                    throw new IllegalStateException("connection reset");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .whenAggregate(SOURCE.value()).publishes(debitReversed(SOURCE, TRANSFER, "30", "100", "ACCOUNT_FROZEN"))
                    .expectDispatchedCommands(new FailTransferCommand(TRANSFER, "ACCOUNT_FROZEN",
                            "The transfer was refused: ACCOUNT_FROZEN"));
        }
    }

    @Nested
    class WhenCredited {

        @Test
        void settlesTheSourcesDebit() {
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .whenAggregate(DESTINATION.value()).publishes(creditedForTransfer(DESTINATION, TRANSFER, "30", "30"))
                    .expectDispatchedCommands(new SettleTransferDebitCommand(SOURCE, TRANSFER));
        }

        @Test
        void completesTheTransferOnceTheDebitIsSettled() {
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .andThenAggregate(DESTINATION.value()).published(creditedForTransfer(DESTINATION, TRANSFER, "30", "30"))
                    .whenAggregate(SOURCE.value()).publishes(debitSettled(SOURCE, TRANSFER))
                    .expectDispatchedCommands(new CompleteTransferCommand(TRANSFER));
        }
    }

    @Nested
    class WhenFinished {

        @Test
        void endsAndCancelsTheDeadlineWhenCompleted() {
            fixture.givenAggregate(ID).published(requested())
                    .whenAggregate(ID).publishes(completed())
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void endsAndCancelsTheDeadlineWhenFailed() {
            fixture.givenAggregate(ID).published(requested())
                    .whenAggregate(ID).publishes(failed(InsufficientFunds.CODE, "no money"))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class WhenTheDeadlinePasses {

        @Test
        void failsATransferWhoseDebitWasNotSeen() {
            fixture.givenAggregate(ID).published(requested())
                    .whenTimeElapses(DEADLINE)
                    .expectTriggeredDeadlinesWithName(TransferSaga.DEADLINE)
                    .expectDispatchedCommands(new FailTransferCommand(TRANSFER, TransferSaga.TIMED_OUT, LATE));
        }

        @Test
        void givesBackADebitThatLandsAfterTheDeadline() throws Exception {
            fixture.givenAggregate(ID).published(requested())
                    .andThenTimeElapses(DEADLINE)
                    .whenAggregate(SOURCE.value()).publishes(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .expectDispatchedCommands(new ReverseTransferDebitCommand(SOURCE, TRANSFER, TransferSaga.TIMED_OUT));
        }

        @Test
        void retriesGivingTheDebitBackWhenTheReversalFailed() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand) {
                    throw new AccountIsClosed(DESTINATION);
                }
                if (command instanceof ReverseTransferDebitCommand) {
                    throw new IllegalStateException("database unavailable");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .whenTimeElapses(DEADLINE)
                    .expectDispatchedCommands(
                            new ReverseTransferDebitCommand(SOURCE, TRANSFER, AccountIsClosed.CODE))
                    .expectScheduledDeadlineWithName(DEADLINE, TransferSaga.DEADLINE);
        }

        @Test
        void asksAgainForACreditWhoseOutcomeIsUnknownInsteadOfGivingTheDebitBack() {
            AtomicInteger credits = new AtomicInteger();
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand && credits.incrementAndGet() == 1) {
                    throw new IllegalStateException("connection reset");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .whenTimeElapses(DEADLINE)
                    .expectDispatchedCommands(credit())
                    .expectScheduledDeadlineWithName(DEADLINE, TransferSaga.DEADLINE);
        }

        @Test
        void settlesOnceTheCreditAskedAgainHasLanded() throws Exception {
            AtomicInteger credits = new AtomicInteger();
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand && credits.incrementAndGet() == 1) {
                    throw new IllegalStateException("connection reset");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .andThenTimeElapses(DEADLINE)
                    .whenAggregate(DESTINATION.value()).publishes(creditedForTransfer(DESTINATION, TRANSFER, "30", "30"))
                    .expectDispatchedCommands(new SettleTransferDebitCommand(SOURCE, TRANSFER));
        }

        @Test
        void givesTheDebitBackWhenTheDestinationRefusesTheCreditAskedAgain() {
            AtomicInteger credits = new AtomicInteger();
            AccountIsClosed refusal = new AccountIsClosed(DESTINATION);
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CreditAccountForTransferCommand) {
                    if (credits.incrementAndGet() == 1) {
                        throw new IllegalStateException("connection reset");
                    }
                    throw refusal;
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .whenTimeElapses(DEADLINE)
                    .expectDispatchedCommands(credit(),
                            new ReverseTransferDebitCommand(SOURCE, TRANSFER, AccountIsClosed.CODE));
        }

        @Test
        void neverTakesBackACreditTheDestinationAccepted() {
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .whenTimeElapses(DEADLINE)
                    .expectDispatchedCommands(new SettleTransferDebitCommand(SOURCE, TRANSFER));
        }

        @Test
        void settlesOnceWhenTheCreditIsSeenAfterTheDeadlineSettled() throws Exception {
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .andThenTimeElapses(DEADLINE)
                    .whenAggregate(DESTINATION.value()).publishes(creditedForTransfer(DESTINATION, TRANSFER, "30", "30"))
                    .expectNoDispatchedCommands();
        }

        @Test
        void retriesSettlingWhenTheSettleCommandFailed() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof SettleTransferDebitCommand) {
                    throw new IllegalStateException("database unavailable");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .andThenAggregate(DESTINATION.value()).published(creditedForTransfer(DESTINATION, TRANSFER, "30", "30"))
                    .whenTimeElapses(DEADLINE)
                    .expectDispatchedCommands(new SettleTransferDebitCommand(SOURCE, TRANSFER))
                    .expectScheduledDeadlineWithName(DEADLINE, TransferSaga.DEADLINE);
        }

        @Test
        void retriesFailingWhenTheFailCommandFailed() {
            InsufficientFunds refusal = new InsufficientFunds(SOURCE, eur("30"), eur("10"));
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof DebitAccountForTransferCommand) {
                    throw refusal;
                }
                if (command instanceof FailTransferCommand) {
                    throw new IllegalStateException("database unavailable");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .whenTimeElapses(DEADLINE)
                    .expectDispatchedCommands(
                            new FailTransferCommand(TRANSFER, InsufficientFunds.CODE, refusal.getMessage()))
                    .expectScheduledDeadlineWithName(DEADLINE, TransferSaga.DEADLINE);
        }

        @Test
        void retriesCompletionWhenTheCompleteCommandFailed() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof CompleteTransferCommand) {
                    throw new IllegalStateException("database unavailable");
                }
                return 0L;
            });
            fixture.givenAggregate(ID).published(requested())
                    .andThenAggregate(SOURCE.value()).published(debitedForTransfer(SOURCE, TRANSFER, "30", "70"))
                    .andThenAggregate(DESTINATION.value()).published(creditedForTransfer(DESTINATION, TRANSFER, "30", "30"))
                    .andThenAggregate(SOURCE.value()).published(debitSettled(SOURCE, TRANSFER))
                    .whenTimeElapses(DEADLINE)
                    .expectDispatchedCommands(new CompleteTransferCommand(TRANSFER))
                    .expectScheduledDeadlineWithName(DEADLINE, TransferSaga.DEADLINE);
        }
    }
}
