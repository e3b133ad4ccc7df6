package io.ledgerline.command.transfer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.ledgerline.command.account.CreditAccountForTransferCommand;
import io.ledgerline.command.account.DebitAccountForTransferCommand;
import io.ledgerline.command.account.ReverseTransferDebitCommand;
import io.ledgerline.command.account.SettleTransferDebitCommand;
import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferDebitSettled;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Carries out one transfer: debit the source under the withdrawal rules, credit the destination,
 * settle the source's debit, complete. A refused debit fails the transfer; a refused credit gives
 * the debit back, then fails it. Money is never created or lost.
 *
 * <p>Every command has a failure path: a refusal leads to compensation and {@link TransferFailed};
 * a technical failure is retried when the durable deadline fires. The deadline also compensates a
 * transfer that is not done in time: before the debit it fails the transfer (and gives back a debit
 * that still lands), after a refused credit it reverses the debit. A credit whose outcome is unknown
 * (a technical failure) is never reversed: it may have landed, and giving the debit back as well
 * would create money. The deadline asks for it again instead (a destination credits a transfer only
 * once) and reverses only if the destination refuses it. Once the destination accepted the credit,
 * the money has moved, and the deadline drives the transfer to completion instead of taking it back.
 *
 * <p>The deadline acts on the saga as the last step left it, whichever node it fires on: the saga
 * store locks the saga's row for the transaction that loaded it (see RowLockingSagaStore), so a
 * deadline and a step of one transfer never run at the same time.
 *
 * <p>The command bus is local (SimpleCommandBus): a command sent from a handler has run, and its
 * callback has been called, before the handler returns, so the saga state the callbacks set is
 * stored with the saga.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class TransferSaga {

    static final String DEADLINE = "transfer-deadline";
    public static final String TIMED_OUT = "TRANSFER_TIMED_OUT";
    public static final String STEP_FAILED = "TRANSFER_STEP_FAILED";
    public static final String UNKNOWN_ACCOUNT = UnknownAccount.CODE;

    private static final Logger log = LoggerFactory.getLogger(TransferSaga.class);

    enum Stage { DEBITING, CREDITING, SETTLING, COMPLETING, REVERSING, FAILING }

    private transient CommandGateway commandGateway;
    private transient DeadlineManager deadlineManager;
    private transient TransferProperties properties;

    private TransferId transferId;
    private AccountId sourceAccountId;
    private AccountId destinationAccountId;
    private Money amount;
    private Stage stage;
    private String deadlineId;
    /** The deadline passed before the debit was seen: a debit that still lands is given back at once. */
    private boolean expired;
    /** The destination accepted the credit: from here on the transfer can only complete. */
    private boolean creditAccepted;
    private String failureCode;
    private String failureReason;

    @StartSaga
    @SagaEventHandler(associationProperty = "transferId")
    void on(TransferRequested event) {
        transferId = event.transferId();
        sourceAccountId = event.sourceAccountId();
        destinationAccountId = event.destinationAccountId();
        amount = event.amount();
        stage = Stage.DEBITING;
        deadlineId = deadlineManager.schedule(properties.deadline(), DEADLINE);
        debit();
    }

    @SagaEventHandler(associationProperty = "transferId")
    void on(AccountDebitedForTransfer event) {
        if (expired) {
            reverse(TIMED_OUT, "The transfer did not complete within " + properties.deadline());
            return;
        }
        stage = Stage.CREDITING;
        credit();
    }

    @SagaEventHandler(associationProperty = "transferId")
    void on(AccountCreditedForTransfer event) {
        creditAccepted = true;
        if (stage == Stage.CREDITING) {
            stage = Stage.SETTLING;
            settle();
        }
        // else a deadline saw the accepted credit first and has settled already
    }

    @SagaEventHandler(associationProperty = "transferId")
    void on(TransferDebitSettled event) {
        stage = Stage.COMPLETING;
        complete();
    }

    @SagaEventHandler(associationProperty = "transferId")
    void on(TransferDebitReversed event) {
        if (failureCode == null) {
            failureCode = event.reasonCode();
        }
        stage = Stage.FAILING;
        fail();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "transferId")
    void on(TransferCompleted event) {
        cancelDeadline();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "transferId")
    void on(TransferFailed event) {
        cancelDeadline();
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void onDeadline() {
        deadlineId = deadlineManager.schedule(properties.deadline(), DEADLINE);
        String late = "The transfer did not complete within " + properties.deadline();
        switch (stage) {
            case DEBITING -> {
                expired = true;
                failWith(TIMED_OUT, late);
            }
            case CREDITING -> {
                if (creditAccepted) {
                    stage = Stage.SETTLING;
                    settle();
                } else {
                    credit();
                }
            }
            case SETTLING -> settle();
            case COMPLETING -> complete();
            case REVERSING -> dispatch(new ReverseTransferDebitCommand(sourceAccountId, transferId, failureCode),
                    this::logRetry);
            case FAILING -> fail();
        }
    }

    private void debit() {
        dispatch(new DebitAccountForTransferCommand(sourceAccountId, transferId, amount),
                failure -> failWith(codeOf(failure), failure.getMessage()));
    }

    private void credit() {
        dispatch(new CreditAccountForTransferCommand(destinationAccountId, transferId, amount),
                failure -> {
                    if (refused(failure)) {
                        reverse(codeOf(failure), failure.getMessage());
                    } else {
                        logRetry(failure);
                    }
                },
                () -> creditAccepted = true);
    }

    private void settle() {
        dispatch(new SettleTransferDebitCommand(sourceAccountId, transferId), this::logRetry);
    }

    private void complete() {
        dispatch(new CompleteTransferCommand(transferId), this::logRetry);
    }

    private void reverse(String code, String reason) {
        stage = Stage.REVERSING;
        failureCode = code;
        failureReason = reason;
        dispatch(new ReverseTransferDebitCommand(sourceAccountId, transferId, code), this::logRetry);
    }

    private void failWith(String code, String reason) {
        stage = Stage.FAILING;
        failureCode = code;
        failureReason = reason;
        fail();
    }

    private void fail() {
        String reason = failureReason != null ? failureReason : "The transfer was refused: " + failureCode;
        dispatch(new FailTransferCommand(transferId, failureCode, reason), this::logRetry);
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlineManager.cancelSchedule(DEADLINE, deadlineId);
            deadlineId = null;
        }
    }

    private void logRetry(Throwable failure) {
        log.error("Transfer {}: a step failed in stage {}; it is retried when the deadline fires",
                transferId, stage, failure);
    }

    private void dispatch(Object command, Consumer<Throwable> onFailure) {
        dispatch(command, onFailure, () -> { });
    }

    private void dispatch(Object command, Consumer<Throwable> onFailure, Runnable onSuccess) {
        commandGateway.send(command).whenComplete((result, failure) -> {
            if (failure == null) {
                onSuccess.run();
            } else {
                onFailure.accept(unwrap(failure));
            }
        });
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The command was decided and turned down, so it changed nothing; any other failure leaves its outcome unknown. */
    private static boolean refused(Throwable failure) {
        return failure instanceof RuleViolation || failure instanceof AggregateNotFoundException;
    }

    private static String codeOf(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return violation.code();
        }
        if (failure instanceof AggregateNotFoundException) {
            return UNKNOWN_ACCOUNT;
        }
        return STEP_FAILED;
    }

    @Autowired
    void setCommandGateway(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Autowired
    void setDeadlineManager(DeadlineManager deadlineManager) {
        this.deadlineManager = deadlineManager;
    }

    @Autowired
    void setProperties(TransferProperties properties) {
        this.properties = properties;
    }
}
