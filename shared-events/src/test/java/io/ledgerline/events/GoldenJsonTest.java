package io.ledgerline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire form of every event: a change here is a change for every consumer and for every
 * stored event, and must come with a new revision and an upcaster.
 */
class GoldenJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Arguments> samples() {
        AccountId acc1 = AccountId.of("acc-1");
        AccountId acc2 = AccountId.of("acc-2");
        CustomerId cust1 = CustomerId.of("cust-1");
        TransferId tr1 = TransferId.of("tr-1");
        return Stream.of(
                sample(new CustomerRegistered(cust1,
                        customerOnly("Q+NwrXYdLN+zWYqez5kGAvi/nlEhMaHg7U0Q3cmwB2TwvEPzW3aw/A=="),
                        customerOnly("6twAuQc5C13YBrzOsu0LuEdrYy3pExIK9VrpXLGCJmVhRuAM724CHb2vOw==")),
                        "CustomerRegistered-2.json"),
                sample(new CustomerDetailsChanged(cust1,
                        customerOnly("FSLBmMw1SlFvVsJzmoNUMT8ARCR+GOWcs/BG9cAGKbPT93G1"),
                        customerOnly("zy3L7Z/V+4rvDDwJ7JSGx5PBPgUZMigAyAnMGiiXFqMclRtwhUZxrho63CRDqthQ")),
                        "CustomerDetailsChanged-2.json"),
                sample(new CustomerErased(cust1)),
                sample(new AccountOpened(acc1, cust1, Currency.getInstance("EUR"), Money.of("100", "EUR"))),
                sample(new MoneyDeposited(acc1, cust1, eur("12.5"), eur("112.5"),
                        sealed("pT1mV0q8b1yqYw3XH2oZ6l1dKQ9uBzcJ4w=="), sealed("2cWkq9Hn0bS8mR1vL3xU5yT7aZ0eN6pQ4fG2=="),
                        sealed("Xo3Lr8Tq1Vw5Zb7Nc9Md2Pf4Kh6Js0Gy1==")), "MoneyDeposited-4.json"),
                sample(new MoneyDeposited(acc1, cust1, eur("12.5"), eur("112.5"), null, null, null),
                        "MoneyDeposited-4-without-text.json"),
                sample(new MoneyWithdrawn(acc1, cust1, eur("20"), eur("-7.5"),
                        sealed("Hq2Vb7Nc4Xw9Lr1Tz6Pk3Ms8Df5Gj0Ya2=="), null), "MoneyWithdrawn-3.json"),
                sample(new AccountFrozen(acc1)),
                sample(new AccountUnfrozen(acc1)),
                sample(new OverdraftLimitChanged(acc1, eur("250"))),
                sample(new AccountClosed(acc1)),
                sample(new TransferRequested(tr1, acc1, acc2, eur("30"), cust1,
                        sealed("Rk8Tq2Lw5Zb1Nc7Xv3Md9Pf0Kh4Js6Gy8=="), sealed("Bn5Vc2Xz8Lq1Tw7Pr4Mk0Dj9Gh6Fs3Ya==")),
                        "TransferRequested-2.json"),
                sample(new AccountDebitedForTransfer(acc1, tr1, eur("30"), eur("70"))),
                sample(new AccountCreditedForTransfer(acc2, tr1, eur("30"), eur("30"))),
                sample(new TransferDebitReversed(acc1, tr1, eur("30"), eur("100"), "ACCOUNT_CLOSED")),
                sample(new TransferDebitSettled(acc1, tr1)),
                sample(new TransferCompleted(tr1)),
                sample(new TransferFailed(tr1, "INSUFFICIENT_FUNDS", "Account acc-1 cannot pay 30.00 EUR")));
    }

    private static Arguments sample(LedgerEvent event) {
        return sample(event, event.getClass().getSimpleName() + "-1.json");
    }

    /** Older revisions' goldens stay: they are the input fixtures of the upcasters that read them. */
    private static Arguments sample(LedgerEvent event, String golden) {
        return Arguments.of(event, golden);
    }

    private static PersonalData sealed(String sealedForm) {
        return PersonalData.sealed(sealedForm);
    }

    private static PersonalData customerOnly(String sealedForm) {
        return PersonalData.sealedForCustomerOnly(sealedForm);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void writesTheGoldenForm(LedgerEvent event, String golden) throws IOException {
        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(golden(golden));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void readsTheGoldenForm(LedgerEvent event, String golden) throws IOException {
        assertThat(json.treeToValue(golden(golden), event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void namesTheGoldenAfterTypeAndRevision(LedgerEvent event, String golden) {
        Class<?> type = event.getClass();
        assertThat(golden).startsWith(EventTypes.nameOf(type) + "-" + EventTypes.revisionOf(type)).endsWith(".json");
    }

    @Test
    void coversEveryPublishedEventType() {
        List<Class<?>> covered = samples().<Class<?>>map(arguments -> arguments.get()[0].getClass()).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @Test
    void refusesPersonalDataThatIsNeitherSealedNorMarkedAsWrittenBeforeSealing() {
        assertThatThrownBy(() -> json.readValue("{\"customerId\": \"cust-1\", \"name\": \"Ada Lovelace\", "
                + "\"email\": \"v1:AAAA\"}", CustomerRegistered.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return json.readTree(in);
        }
    }
}
