package io.ledgerline.systemtests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.ledgerline.client.command.api.AccountsApi;
import io.ledgerline.client.command.api.CustomersApi;
import io.ledgerline.client.command.api.DevelopmentTokensApi;
import io.ledgerline.client.command.api.TransfersApi;
import io.ledgerline.client.command.model.DepositRequest;
import io.ledgerline.client.command.model.DevTokenRequest;
import io.ledgerline.client.command.model.OpenAccountRequest;
import io.ledgerline.client.command.model.RegisterCustomerRequest;
import io.ledgerline.client.command.model.TransferRequest;
import io.ledgerline.client.query.api.SearchApi;
import io.ledgerline.client.query.model.AccountDocument;
import io.ledgerline.client.query.model.AccountResponse;
import io.ledgerline.client.query.model.PageResponseStatementLineResponse;
import io.ledgerline.client.query.model.StatementLineResponse;
import io.ledgerline.client.query.model.TransactionSearchResponse;
import io.ledgerline.client.query.model.TransferView;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's flow, driven only through the Java clients generated at build time from the committed
 * API documents (docs/api/*.openapi.yaml): a dev token, a customer, two accounts, a deposit, a
 * transfer with description and reference, its outcome, both statements and both searches. If a
 * generated client cannot express what the services do, the documents are wrong, not the client.
 * The clients refuse fields the documents do not declare, so an undocumented field fails here too.
 */
class GeneratedClientScenarioIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String SALARY = "Salary December";
    private static final String SALARY_REFERENCE = "PAYROLL-2026-12";
    private static final String RENT = "Rent December flat";
    private static final String RENT_REFERENCE = "INV-2026-12-7";

    private static LocalSystem system;
    private static io.ledgerline.client.command.ApiClient commandSide;
    private static io.ledgerline.client.query.ApiClient querySide;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path project = Path.of(System.getProperty("user.dir")).getParent();
        LocalSystemOptions options = LocalSystemOptions.forProject(project)
                .withJars(jar(project, "ledgerline.command-side.jar", LocalSystemOptions.COMMAND_SIDE_JAR),
                        jar(project, "ledgerline.query-side.jar", LocalSystemOptions.QUERY_SIDE_JAR));
        system = LocalSystem.start(options, message -> System.out.println("[system] " + message));

        String token = new DevelopmentTokensApi(commandClient(null)).issue(new DevTokenRequest()
                .subject("generated-client")
                .roles(List.of(DevTokenRequest.RolesEnum.TELLER, DevTokenRequest.RolesEnum.AUDITOR)))
                .getToken();
        commandSide = commandClient(token);
        querySide = queryClient(token);
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theReadmeFlowWorksThroughTheGeneratedClients() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Generated Client " + unique;
        String customerId = new CustomersApi(commandSide).register(new RegisterCustomerRequest()
                .name(name).email("generated-" + unique + "@example.org"), null, null)
                .getCustomerId();
        AccountsApi accounts = new AccountsApi(commandSide);
        String from = accounts.open(new OpenAccountRequest().customerId(customerId).currency("EUR"), null, null)
                .getAccountId();
        String to = accounts.open(new OpenAccountRequest().customerId(customerId).currency("EUR")
                .overdraftLimit("50.00"), null, null).getAccountId();
        assertThat(accounts.deposit(from, new DepositRequest().amount("100.00").currency("EUR")
                .description(SALARY).reference(SALARY_REFERENCE), null, null, null).getVersion()).isPositive();

        String transferId = new TransfersApi(commandSide).request(new TransferRequest()
                .fromAccountId(from).toAccountId(to).amount("30.00").currency("EUR")
                .description(RENT).reference(RENT_REFERENCE), null, null).getTransferId();

        io.ledgerline.client.query.api.TransfersApi transfers =
                new io.ledgerline.client.query.api.TransfersApi(querySide);
        TransferView transfer = eventually("transfer " + transferId + " to end",
                () -> transfers.transfer(transferId, null, true),
                found -> found.getStatus() != TransferView.StatusEnum.REQUESTED);
        assertThat(transfer.getStatus()).isEqualTo(TransferView.StatusEnum.COMPLETED);
        assertThat(transfer.getAmount()).isEqualTo("30.00");
        assertThat(transfer.getFailureCode()).isNull();

        io.ledgerline.client.query.api.AccountsApi readAccounts =
                new io.ledgerline.client.query.api.AccountsApi(querySide);
        AccountResponse payer = eventually("the payer's balance", () -> readAccounts.account(from, null),
                found -> "70.00".equals(found.getBalance()));
        assertThat(payer.getAvailableBalance()).isEqualTo("70.00");
        assertThat(payer.getStatus()).isEqualTo(AccountResponse.StatusEnum.OPEN);
        AccountResponse payeeAccount = eventually("the payee's balance", () -> readAccounts.account(to, null),
                found -> "30.00".equals(found.getBalance()));
        assertThat(payeeAccount.getOverdraftLimit()).isEqualTo("50.00");
        assertThat(payeeAccount.getAvailableBalance()).isEqualTo("80.00");

        List<StatementLineResponse> payerLines = statement(readAccounts, from, 2);
        assertLine(payerLines.get(0), StatementLineResponse.TypeEnum.TRANSFER_DEBIT, "-30.00", "70.00", transferId);
        assertThat(payerLines.get(0).getCounterpartyAccountId()).isEqualTo(to);
        assertThat(payerLines.get(0).getCounterpartyName()).isEqualTo(name);
        assertThat(payerLines.get(1).getType()).isEqualTo(StatementLineResponse.TypeEnum.DEPOSIT);
        assertThat(payerLines.get(1).getAmount()).isEqualTo("100.00");
        assertThat(payerLines.get(1).getDescription()).isEqualTo(SALARY);
        List<StatementLineResponse> payeeLines = statement(readAccounts, to, 1);
        assertLine(payeeLines.get(0), StatementLineResponse.TypeEnum.TRANSFER_CREDIT, "30.00", "30.00", transferId);
        assertThat(payeeLines.get(0).getCounterpartyAccountId()).isEqualTo(from);
        assertThat(payeeLines.get(0).getCounterpartyName()).isEqualTo(name);

        SearchApi search = new SearchApi(querySide);
        TransactionSearchResponse salary = eventually("the deposit in the transaction search",
                () -> search.transactions("salary", from, null, null, null, null, null, null),
                found -> found.getTotal() == 1);
        StatementLineResponse hit = salary.getHits().get(0);
        assertThat(hit.getType()).isEqualTo(StatementLineResponse.TypeEnum.DEPOSIT);
        assertThat(hit.getAccountId()).isEqualTo(from);
        assertThat(hit.getDescription()).isEqualTo(SALARY);
        assertThat(hit.getReference()).isEqualTo(SALARY_REFERENCE);
        TransactionSearchResponse payee = eventually("the transfer's credit in the transaction search",
                () -> search.transactions(null, to, null, null, null, null, null, null),
                found -> found.getTotal() == 1);
        assertThat(payee.getHits().get(0).getType()).isEqualTo(StatementLineResponse.TypeEnum.TRANSFER_CREDIT);
        assertThat(payee.getHits().get(0).getTransferId()).isEqualTo(transferId);
        TransactionSearchResponse rent = eventually("both lines of the transfer in the transaction search",
                () -> search.transactions("flat", null, null, null, null, null, null, null),
                found -> found.getTotal() == 2
                        && found.getHits().stream().allMatch(line -> RENT.equals(line.getDescription())));
        assertThat(rent.getHits()).extracting(StatementLineResponse::getAccountId).containsExactlyInAnyOrder(from, to);
        assertThat(rent.getHits()).extracting(StatementLineResponse::getReference).containsOnly(RENT_REFERENCE);

        List<AccountDocument> owned = eventually("both accounts in the account search",
                () -> search.accounts(customerId, null).getHits(), found -> found.size() == 2);
        assertThat(owned).extracting(AccountDocument::getAccountId).containsExactlyInAnyOrder(from, to);
        assertThat(owned).extracting(AccountDocument::getCustomerId).containsOnly(customerId);
    }

    /** The statement once it has the expected number of lines, newest first. */
    private static List<StatementLineResponse> statement(io.ledgerline.client.query.api.AccountsApi readAccounts,
            String accountId, int lines) {
        PageResponseStatementLineResponse page = eventually("the statement of " + accountId,
                () -> readAccounts.transactions1(accountId, null, null, null, null),
                found -> found.getTotalItems() == lines);
        assertThat(page.getItems()).hasSize(lines);
        return page.getItems();
    }

    /** The transfer's line as each side of it sees it: its own sign, its own balance, the payer's text. */
    private static void assertLine(StatementLineResponse line, StatementLineResponse.TypeEnum type, String amount,
            String balanceAfter, String transferId) {
        assertThat(line.getType()).isEqualTo(type);
        assertThat(line.getAmount()).isEqualTo(amount);
        assertThat(line.getBalanceAfter()).isEqualTo(balanceAfter);
        assertThat(line.getCurrency()).isEqualTo("EUR");
        assertThat(line.getTransferId()).isEqualTo(transferId);
        assertThat(line.getDescription()).isEqualTo(RENT);
        assertThat(line.getReference()).isEqualTo(RENT_REFERENCE);
    }

    /** Polls a read until it succeeds and satisfies the condition: the read models follow the commands. */
    private static <T> T eventually(String what, Callable<T> read, Predicate<T> condition) {
        return await(what).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsMatching(GeneratedClientScenarioIT::notYetProjected)
                .until(read, found -> found != null && condition.test(found));
    }

    /** A read model that has not caught up answers 404; anything else is a real failure. */
    private static boolean notYetProjected(Throwable thrown) {
        return thrown instanceof io.ledgerline.client.query.ApiException failure && failure.getCode() == 404;
    }

    /*
     * Every answer is held to the committed document (ApiContract) before the client reads it. Both
     * clients refuse an answer with a field the document does not declare, instead of silently
     * dropping it: the scenario then also proves the documents name everything the services send.
     */
    private static io.ledgerline.client.command.ApiClient commandClient(String token) {
        io.ledgerline.client.command.ApiClient client = new io.ledgerline.client.command.ApiClient();
        client.setHttpClientBuilder(ContractCheckedHttpClient.builder(HttpClient.newBuilder(), ApiContract.commandSide()));
        client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        client.updateBaseUri(base(system.commandSideUri()));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static io.ledgerline.client.query.ApiClient queryClient(String token) {
        io.ledgerline.client.query.ApiClient client = new io.ledgerline.client.query.ApiClient();
        client.setHttpClientBuilder(ContractCheckedHttpClient.builder(HttpClient.newBuilder(), ApiContract.querySide()));
        client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        client.updateBaseUri(base(system.querySideUri()));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String base(URI service) {
        String uri = service.toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static Path jar(Path project, String property, String defaultInCheckout) {
        String configured = System.getProperty(property);
        return configured != null ? Path.of(configured) : project.resolve(defaultInCheckout);
    }
}
