package io.ledgerline.query.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The free text of bookings as every read model shows it. */
class BookingTextsTest {

    private static final CustomerId OWNER = CustomerId.of("cust-1");
    private static final AccountId ACCOUNT = AccountId.of("acc-1");
    private static final Money TEN = Money.of("10.00", "EUR");

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final Map<CustomerId, byte[]> keys = new HashMap<>(Map.of(OWNER, cipher.newKey()));
    private final List<CustomerId> lookups = new ArrayList<>();
    private final BookingTexts texts = new BookingTexts(new PersonalDataOpener(owner -> {
        lookups.add(owner);
        return Optional.ofNullable(keys.get(owner));
    }, cipher));

    @Nested
    class Opening {

        @Test
        void opensEachTextOfADepositWithTheOwnersKeyAsItsField() {
            MoneyDeposited deposit = new MoneyDeposited(ACCOUNT, OWNER, TEN, TEN,
                    seal(PersonalDataField.DESCRIPTION, "Salary"), seal(PersonalDataField.REFERENCE, "INV-1"),
                    seal(PersonalDataField.EXTERNAL_REFERENCE, "PAY-1"));

            assertThat(texts.of(deposit)).contains(new BookingText(OWNER, "Salary", "INV-1", "PAY-1"));
        }

        @Test
        void opensAWithdrawalWhichHasNoReference() {
            MoneyWithdrawn withdrawal = new MoneyWithdrawn(ACCOUNT, OWNER, TEN, TEN,
                    seal(PersonalDataField.DESCRIPTION, "Cash"), null);

            assertThat(texts.of(withdrawal)).contains(new BookingText(OWNER, "Cash", null, null));
        }

        @Test
        void opensATransferRequestWithThePayersKey() {
            TransferRequested request = new TransferRequested(TransferId.of("tr-1"), ACCOUNT, AccountId.of("acc-2"), TEN,
                    OWNER, seal(PersonalDataField.DESCRIPTION, "Birthday"), seal(PersonalDataField.REFERENCE, "GIFT"));

            assertThat(texts.of(request)).contains(new BookingText(OWNER, "Birthday", "GIFT", null));
        }

        @Test
        void readsTextFromBeforeSealingWithoutAnOwnerOrAKey() {
            MoneyDeposited deposit = new MoneyDeposited(ACCOUNT, null, TEN, TEN, PersonalData.unsealed("Legacy"), null,
                    null);

            assertThat(texts.of(deposit)).contains(new BookingText(null, "Legacy", null, null));
        }

        @Test
        void showsTheMaskOnceTheOwnersKeyIsGone() {
            MoneyDeposited deposit = new MoneyDeposited(ACCOUNT, OWNER, TEN, TEN,
                    seal(PersonalDataField.DESCRIPTION, "Salary"), null, null);
            keys.remove(OWNER);

            assertThat(texts.of(deposit)).contains(new BookingText(OWNER, PersonalDataOpener.ERASED, null, null));
        }

        @Test
        void findsNoTextInEventsThatCarryNone() {
            assertThat(texts.of(new AccountFrozen(ACCOUNT))).isEmpty();
        }
    }

    @Nested
    class OneBatch {

        private static final CustomerId OTHER = CustomerId.of("cust-2");

        @Test
        void opensTheTextsOfOneBatchWithOneKeyLookupPerCustomer() {
            keys.put(OTHER, cipher.newKey());
            BookingTexts batch = texts.forOneBatch();

            assertThat(batch.of(deposit(OWNER, "Salary"))).contains(new BookingText(OWNER, "Salary", null, null));
            assertThat(batch.of(deposit(OTHER, "Rent"))).contains(new BookingText(OTHER, "Rent", null, null));
            assertThat(batch.of(deposit(OWNER, "Bonus"))).contains(new BookingText(OWNER, "Bonus", null, null));

            assertThat(lookups).containsExactly(OWNER, OTHER);
        }

        @Test
        void aNewBatchLooksTheKeyUpAgainAndFindsItGone() {
            MoneyDeposited deposit = deposit(OWNER, "Salary");
            assertThat(texts.forOneBatch().of(deposit)).contains(new BookingText(OWNER, "Salary", null, null));
            keys.remove(OWNER);

            assertThat(texts.forOneBatch().of(deposit))
                    .contains(new BookingText(OWNER, PersonalDataOpener.ERASED, null, null));
            assertThat(lookups).containsExactly(OWNER, OWNER);
        }

        @Test
        void outsideABatchEachTextLooksTheKeyUp() {
            texts.of(deposit(OWNER, "Salary"));
            texts.of(deposit(OWNER, "Bonus"));

            assertThat(lookups).containsExactly(OWNER, OWNER);
        }

        private MoneyDeposited deposit(CustomerId owner, String description) {
            return new MoneyDeposited(ACCOUNT, owner, TEN, TEN,
                    cipher.seal(keys.get(owner), owner, PersonalDataField.DESCRIPTION, description), null, null);
        }
    }

    @Nested
    class Masking {

        @Test
        void masksEachTextThereWasAndLeavesNoneAsNone() {
            assertThat(new BookingText(OWNER, "Salary", null, "PAY-1").masked())
                    .isEqualTo(new BookingText(OWNER, PersonalDataOpener.ERASED, null, PersonalDataOpener.ERASED));
        }

        @Test
        void onlyOpenedTextOfAnOwnerNeedsMaskingOnErasure() {
            assertThat(new BookingText(OWNER, "Salary", null, null).showsSealedText()).isTrue();
            assertThat(new BookingText(OWNER, PersonalDataOpener.ERASED, null, null).showsSealedText()).isFalse();
            assertThat(new BookingText(OWNER, null, null, null).showsSealedText()).isFalse();
            assertThat(new BookingText(null, "Legacy", null, null).showsSealedText()).isFalse();
        }

        @Test
        void textFromBeforeSealingNeedsAnOwnerFromItsAccount() {
            assertThat(new BookingText(null, "Legacy", null, null).showsTextBeforeSealing()).isTrue();
            assertThat(new BookingText(null, null, "REF", null).showsTextBeforeSealing()).isTrue();
            assertThat(new BookingText(null, null, null, null).showsTextBeforeSealing()).isFalse();
            assertThat(new BookingText(OWNER, "Salary", null, null).showsTextBeforeSealing()).isFalse();
        }

        @Test
        void textFromBeforeSealingOwnedByTheAccountOwnerIsMaskedAsTheirs() {
            BookingText owned = new BookingText(null, "Legacy", "REF", null).ownedBy(OWNER);

            assertThat(owned).isEqualTo(new BookingText(OWNER, "Legacy", "REF", null));
            assertThat(owned.ownerId()).isEqualTo(OWNER.value());
            assertThat(owned.masked())
                    .isEqualTo(new BookingText(OWNER, PersonalDataOpener.ERASED, PersonalDataOpener.ERASED, null));
        }
    }

    private PersonalData seal(PersonalDataField field, String text) {
        return cipher.seal(keys.get(OWNER), OWNER, field, text);
    }
}
