package io.ledgerline.query.statements;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one mapping of money movements to statement lines, which the SQL statement and the search both use. */
class StatementEntryTest {

    private static final CustomerId PAYER = CustomerId.of("cust-payer");
    private static final CustomerId PAYEE = CustomerId.of("cust-payee");
    private static final AccountId PAYERS = AccountId.of("acc-payer");
    private static final AccountId PAYEES = AccountId.of("acc-payee");
    private static final TransferId TRANSFER = TransferId.of("tr-1");
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final Map<CustomerId, byte[]> keys = new HashMap<>(Map.of(PAYER, cipher.newKey(), PAYEE, cipher.newKey()));
    private final BookingTexts texts = new BookingTexts(
            new PersonalDataOpener(owner -> Optional.ofNullable(keys.get(owner)), cipher));

    @Nested
    class BookingsOfTheAccountsOwnText {

        @Test
        void aDepositIsMoneyInWithItsDescriptionReferenceAndExternalReference() {
            StatementLine line = line(new MoneyDeposited(PAYEES, PAYEE, money("40.00"), money("140.00"),
                    seal(PAYEE, PersonalDataField.DESCRIPTION, "Salary"), seal(PAYEE, PersonalDataField.REFERENCE, "INV 7"),
                    seal(PAYEE, PersonalDataField.EXTERNAL_REFERENCE, "PAY-1")));

            assertThat(line).isEqualTo(new StatementLine("acc-payee", 3, StatementLineType.DEPOSIT,
                    new BigDecimal("40.00"), "EUR", new BigDecimal("140.00"), "Salary", "INV 7", "PAY-1", null, null,
                    null, null, null, AT, "event-1"));
        }

        @Test
        void aWithdrawalIsMoneyOutWithItsDescriptionAndExternalReference() {
            StatementLine line = line(new MoneyWithdrawn(PAYEES, PAYEE, money("15.00"), money("-5.00"),
                    seal(PAYEE, PersonalDataField.DESCRIPTION, "Cash"),
                    seal(PAYEE, PersonalDataField.EXTERNAL_REFERENCE, "ATM-9")));

            assertThat(line.type()).isEqualTo(StatementLineType.WITHDRAWAL);
            assertThat(line.amount()).isEqualByComparingTo("-15.00");
            assertThat(line.balanceAfter()).isEqualByComparingTo("-5.00");
            assertThat(line.description()).isEqualTo("Cash");
            assertThat(line.reference()).isNull();
            assertThat(line.externalReference()).isEqualTo("ATM-9");
            assertThat(line.transferId()).isNull();
        }

        @Test
        void aBookingShowsItsOwnTextWhateverTransferIsGiven() {
            StatementEntry entry = entry(new MoneyDeposited(PAYEES, PAYEE, money("1.00"), money("1.00"),
                    seal(PAYEE, PersonalDataField.DESCRIPTION, "Own"), null, null));

            assertThat(entry.line(Optional.of(requested("Rent share", "R-1"))).description()).isEqualTo("Own");
            assertThat(entry.shownText(Optional.empty()).ownerId()).isEqualTo(PAYEE.value());
        }
    }

    @Nested
    class TransferLines {

        @Test
        void aDebitIsMoneyOutWithThePayersTextAndThePayeeAsCounterparty() {
            StatementLine line = entry(new AccountDebitedForTransfer(PAYERS, TRANSFER, money("30.00"), money("70.00")))
                    .line(Optional.of(requested("Rent share", "R-1")));

            assertThat(line).isEqualTo(new StatementLine("acc-payer", 3, StatementLineType.TRANSFER_DEBIT,
                    new BigDecimal("-30.00"), "EUR", new BigDecimal("70.00"), "Rent share", "R-1", null, "tr-1",
                    "acc-payee", null, null, null, AT, "event-1"));
        }

        @Test
        void aCreditIsMoneyInWithThePayersTextAndThePayerAsCounterparty() {
            StatementLine line = entry(new AccountCreditedForTransfer(PAYEES, TRANSFER, money("30.00"), money("30.00")))
                    .line(Optional.of(requested("Rent share", "R-1")));

            assertThat(line.type()).isEqualTo(StatementLineType.TRANSFER_CREDIT);
            assertThat(line.amount()).isEqualByComparingTo("30.00");
            assertThat(line.description()).isEqualTo("Rent share");
            assertThat(line.reference()).isEqualTo("R-1");
            assertThat(line.counterpartyAccountId()).isEqualTo("acc-payer");
        }

        @Test
        void aReversalIsMoneyBackWithTheTransfersTextAndItsReasonInWords() {
            StatementLine line = entry(new TransferDebitReversed(PAYERS, TRANSFER, money("30.00"), money("100.00"),
                    "ACCOUNT_CLOSED")).line(Optional.of(requested("Rent share", "R-1")));

            assertThat(line.type()).isEqualTo(StatementLineType.TRANSFER_DEBIT_REVERSAL);
            assertThat(line.amount()).isEqualByComparingTo("30.00");
            assertThat(line.description()).isEqualTo("Rent share");
            assertThat(line.counterpartyAccountId()).isEqualTo("acc-payee");
            assertThat(line.reasonCode()).isEqualTo("ACCOUNT_CLOSED");
            assertThat(line.reason()).isEqualTo("Transfer returned: the receiving account is closed");
        }

        @Test
        void aLineWhoseRequestIsNotKnownYetHasNoTextAndNoCounterparty() {
            StatementLine line = entry(new AccountDebitedForTransfer(PAYERS, TRANSFER, money("30.00"), money("70.00")))
                    .line(Optional.empty());

            assertThat(line.description()).isNull();
            assertThat(line.reference()).isNull();
            assertThat(line.counterpartyAccountId()).isNull();
            assertThat(line.transferId()).isEqualTo("tr-1");
        }

        @Test
        void theTransfersTextIsThePayersPersonalData() {
            StatementEntry credit = entry(new AccountCreditedForTransfer(PAYEES, TRANSFER, money("30.00"), money("30.00")));

            assertThat(credit.shownText(Optional.of(requested("Rent share", null))).ownerId()).isEqualTo(PAYER.value());
        }

        @Test
        void aRequestOfRevisionOneShowsItsDescriptionFromBeforeSealingWithNoOwnerYet() {
            TransferParticulars older = TransferParticulars.of(new TransferRequested(TRANSFER, PAYERS, PAYEES,
                    money("30.00"), null, PersonalData.unsealed("Gift"), null), texts).orElseThrow();

            StatementLine line = entry(new AccountCreditedForTransfer(PAYEES, TRANSFER, money("30.00"), money("30.00")))
                    .line(Optional.of(older));

            assertThat(line.description()).isEqualTo("Gift");
            assertThat(line.reference()).isNull();
            assertThat(older.text().showsTextBeforeSealing()).isTrue();
        }

        @Test
        void aRequestOfAnErasedPayerShowsTheMask() {
            TransferParticulars requested = requested("Rent share", "R-1");
            keys.remove(PAYER);

            TransferParticulars reread = TransferParticulars.of(new TransferRequested(TRANSFER, PAYERS, PAYEES,
                    money("30.00"), PAYER, sealedDescription, sealedReference), texts).orElseThrow();

            assertThat(requested.text().description()).isEqualTo("Rent share");
            assertThat(reread.text()).isEqualTo(new BookingText(PAYER, PersonalDataOpener.ERASED,
                    PersonalDataOpener.ERASED, null));
        }
    }

    @Nested
    class ReasonsInWords {

        @Test
        void eachCodeOfTheTransferSagaHasItsWording() {
            assertThat(ReversalReasons.inWords("ACCOUNT_CLOSED")).isEqualTo("Transfer returned: the receiving account is closed");
            assertThat(ReversalReasons.inWords("ACCOUNT_FROZEN")).isEqualTo("Transfer returned: the receiving account is frozen");
            assertThat(ReversalReasons.inWords("UNKNOWN_ACCOUNT"))
                    .isEqualTo("Transfer returned: the receiving account does not exist");
            assertThat(ReversalReasons.inWords("CURRENCY_MISMATCH"))
                    .isEqualTo("Transfer returned: the receiving account is kept in another currency");
            assertThat(ReversalReasons.inWords("AMOUNT_TOO_LARGE"))
                    .isEqualTo("Transfer returned: the amount is above the largest the ledger books");
            assertThat(ReversalReasons.inWords("INVALID_AMOUNT"))
                    .isEqualTo("Transfer returned: the amount is not valid for the receiving account");
            assertThat(ReversalReasons.inWords("TRANSFER_TIMED_OUT"))
                    .isEqualTo("Transfer returned: the transfer did not complete in time");
            assertThat(ReversalReasons.inWords("TRANSFER_STEP_FAILED"))
                    .isEqualTo("Transfer returned: the transfer could not be completed");
        }

        @Test
        void anUnknownCodeReadsAsTheGeneralWordingAndNoCodeAsNone() {
            assertThat(ReversalReasons.inWords("SOMETHING_NEW")).isEqualTo("Transfer returned: the transfer could not be completed");
            assertThat(ReversalReasons.inWords(null)).isNull();
        }
    }

    @Test
    void anEventThatMovesNoMoneyMakesNoLine() {
        assertThat(StatementEntry.of(received(new AccountFrozen(PAYERS)), texts)).isEmpty();
        assertThat(TransferParticulars.of(new AccountFrozen(PAYERS), texts)).isEmpty();
    }

    private PersonalData sealedDescription;
    private PersonalData sealedReference;

    private TransferParticulars requested(String description, String reference) {
        sealedDescription = seal(PAYER, PersonalDataField.DESCRIPTION, description);
        sealedReference = seal(PAYER, PersonalDataField.REFERENCE, reference);
        return TransferParticulars.of(new TransferRequested(TRANSFER, PAYERS, PAYEES, money("30.00"), PAYER,
                sealedDescription, sealedReference), texts).orElseThrow();
    }

    private StatementLine line(LedgerEvent event) {
        return entry(event).line(Optional.empty());
    }

    private StatementEntry entry(LedgerEvent event) {
        return StatementEntry.of(received(event), texts).orElseThrow();
    }

    private static ReceivedEvent received(LedgerEvent event) {
        String aggregateType = event instanceof TransferRequested ? "Transfer" : "Account";
        return new ReceivedEvent("event-1", event.getClass().getSimpleName(), aggregateType, event.aggregateId(), 3, 42,
                AT, Map.of(), event);
    }

    private PersonalData seal(CustomerId owner, PersonalDataField field, String text) {
        return text == null ? null : cipher.seal(keys.get(owner), owner, field, text);
    }

    private static Money money(String amount) {
        return Money.of(amount, "EUR");
    }
}
