package io.ledgerline.command.transfer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.command.account.AccountDirectory;
import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.account.BookingTextRules;
import io.ledgerline.command.customer.PersonalDataVault;
import io.ledgerline.command.customer.PersonalDataVault.FieldText;
import io.ledgerline.command.domain.Amounts;
import io.ledgerline.command.domain.CurrencyMismatch;
import io.ledgerline.command.domain.MoneyRange;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A transfer's own record: requested once per id, then completed or failed by {@link TransferSaga}.
 * Command handlers answer the transfer's version. Its description and reference are the payer's
 * personal data (the source account's owner): sealed under the payer's key, and not kept at all
 * once the payer was erased.
 */
@Aggregate
public class Transfer {

    enum Status { REQUESTED, COMPLETED, FAILED }

    @AggregateIdentifier
    private TransferId transferId;
    private AccountId sourceAccountId;
    private AccountId destinationAccountId;
    private Money amount;
    private CustomerId payer;
    // sealed as the event carries them
    private PersonalData description;
    private PersonalData reference;
    private Status status;
    private long version;

    protected Transfer() {
        // for Axon: created by the first request of an id, event sourced afterwards
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long request(RequestTransferCommand command, AccountDirectory accounts, AccountOwners owners,
            MoneyRange range, PersonalDataVault vault) {
        String givenDescription = BookingTextRules.description(command.description());
        String givenReference = BookingTextRules.reference(command.reference());
        if (transferId != null) {
            return repeated(command, givenDescription, givenReference, vault);
        }
        if (Objects.equals(command.sourceAccountId(), command.destinationAccountId())) {
            throw new SameAccountTransfer(command.sourceAccountId());
        }
        Currency sourceCurrency = currencyOf(command.sourceAccountId(), accounts);
        Currency destinationCurrency = currencyOf(command.destinationAccountId(), accounts);
        if (!sourceCurrency.equals(destinationCurrency)) {
            throw new CurrencyMismatch(sourceCurrency, destinationCurrency);
        }
        Money amount = Amounts.positive(command.amount(), command.currency(), sourceCurrency, range);
        CustomerId payer = owners.ownerOf(command.sourceAccountId())
                .orElseThrow(() -> new UnknownAccount(command.sourceAccountId()));
        List<PersonalData> text = vault.sealUnlessErased(payer, List.of(
                new FieldText(PersonalDataField.DESCRIPTION, givenDescription),
                new FieldText(PersonalDataField.REFERENCE, givenReference)));
        apply(new TransferRequested(command.transferId(), command.sourceAccountId(), command.destinationAccountId(),
                amount, payer, text.get(0), text.get(1)));
        return version;
    }

    @CommandHandler
    public long complete(CompleteTransferCommand command) {
        if (status == Status.FAILED) {
            throw new TransferFinished(transferId, "failed");
        }
        if (status == Status.REQUESTED) {
            apply(new TransferCompleted(transferId));
        }
        return version;
    }

    @CommandHandler
    public long fail(FailTransferCommand command) {
        if (status == Status.COMPLETED) {
            throw new TransferFinished(transferId, "completed");
        }
        if (status == Status.REQUESTED) {
            apply(new TransferFailed(transferId, command.reasonCode(), command.reason()));
        }
        return version;
    }

    /** The same request again is answered with the transfer as it is; a different one under the same id is refused. */
    private long repeated(RequestTransferCommand command, String givenDescription, String givenReference,
            PersonalDataVault vault) {
        boolean same = command.sourceAccountId().equals(sourceAccountId)
                && command.destinationAccountId().equals(destinationAccountId)
                && amount.currency().equals(command.currency())
                && command.amount() != null && amount.amount().compareTo(command.amount()) == 0
                && sameText(PersonalDataField.DESCRIPTION, description, givenDescription, vault)
                && sameText(PersonalDataField.REFERENCE, reference, givenReference, vault);
        if (!same) {
            throw new TransferIdReused(transferId);
        }
        return version;
    }

    /** Text sealed under a key deleted since (the payer was erased) can no longer be compared: any text matches it. */
    private boolean sameText(PersonalDataField field, PersonalData stored, String given, PersonalDataVault vault) {
        if (stored == null) {
            return given == null;
        }
        String opened = vault.open(payer, field, stored);
        return opened.equals(given) || (stored.isSealed() && PersonalDataOpener.ERASED.equals(opened));
    }

    private static Currency currencyOf(AccountId accountId, AccountDirectory accounts) {
        if (accountId == null) {
            throw new UnknownAccount(AccountId.of("(none)"));
        }
        return accounts.currencyOf(accountId).orElseThrow(() -> new UnknownAccount(accountId));
    }

    @EventSourcingHandler
    void on(TransferRequested event, @SequenceNumber long sequence) {
        transferId = event.transferId();
        sourceAccountId = event.sourceAccountId();
        destinationAccountId = event.destinationAccountId();
        amount = event.amount();
        payer = event.payerCustomerId();
        description = event.description();
        reference = event.reference();
        status = Status.REQUESTED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TransferCompleted event, @SequenceNumber long sequence) {
        status = Status.COMPLETED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TransferFailed event, @SequenceNumber long sequence) {
        status = Status.FAILED;
        version = sequence;
    }
}
