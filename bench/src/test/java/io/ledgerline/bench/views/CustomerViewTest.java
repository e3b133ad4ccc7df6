package io.ledgerline.bench.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String GRAPHQL = """
            {'data': {'customer': {'name': 'Ada', 'accounts': {'edges': [
              {'node': {'id': 'a2', 'balance': '30.00', 'statement': {'edges': [
                 {'node': {'sequence': 2, 'type': 'DEPOSIT', 'amount': '20.00', 'balanceAfter': '30.00',
                           'description': 'second', 'occurredAt': '2026-12-06T23:00:01.500Z'}},
                 {'node': {'sequence': 1, 'type': 'DEPOSIT', 'amount': '10.00', 'balanceAfter': '10.00',
                           'description': 'first', 'occurredAt': '2026-12-06T23:00:00Z'}}]}}},
              {'node': {'id': 'a1', 'balance': '0.00', 'statement': {'edges': []}}}]}}}}
            """;

    @Test
    void readsTheSameViewFromTheGraphQlAnswerAndFromTheRestAnswersItReplaces() throws Exception {
        CustomerView fromGraphql = CustomerView.fromGraphql(json(GRAPHQL));
        // REST writes the instant with more digits: the same instant all the same
        CustomerView fromRest = CustomerView.fromRest(json("{'customerId': 'c1', 'name': 'Ada'}"),
                json("{'items': [{'accountId': 'a2', 'balance': '30.00'}, {'accountId': 'a1', 'balance': '0.00'}]}"),
                List.of(json("""
                        {'items': [{'accountId': 'a2', 'sequence': 2, 'type': 'DEPOSIT', 'amount': '20.00', 'balanceAfter': '30.00',
                                    'description': 'second', 'occurredAt': '2026-12-06T23:00:01.500000Z'},
                                   {'accountId': 'a2', 'sequence': 1, 'type': 'DEPOSIT', 'amount': '10.00', 'balanceAfter': '10.00',
                                    'description': 'first', 'occurredAt': '2026-12-06T23:00:00Z'}]}"""),
                        json("{'items': []}")));

        assertThat(fromGraphql).isEqualTo(fromRest);
        assertThat(fromGraphql.accounts()).extracting(CustomerView.AccountLines::accountId).containsExactly("a2", "a1");
        assertThat(fromGraphql.lineCount()).isEqualTo(2);
    }

    @Test
    void tellsApartViewsWhoseLinesDiffer() throws Exception {
        CustomerView fromGraphql = CustomerView.fromGraphql(json(GRAPHQL));
        CustomerView oneLineShort = CustomerView.fromRest(json("{'name': 'Ada'}"),
                json("{'items': [{'accountId': 'a2', 'balance': '30.00'}, {'accountId': 'a1', 'balance': '0.00'}]}"),
                List.of(json("""
                        {'items': [{'sequence': 2, 'type': 'DEPOSIT', 'amount': '20.00', 'balanceAfter': '30.00',
                                    'description': 'second', 'occurredAt': '2026-12-06T23:00:01.5Z'}]}"""),
                        json("{'items': []}")));

        assertThat(fromGraphql).isNotEqualTo(oneLineShort);
    }

    @Test
    void refusesAGraphQlAnswerWithErrors() throws Exception {
        JsonNode withErrors = json("{'data': {'customer': null}, 'errors': [{'message': 'no', 'extensions': {'code': 'NOT_FOUND'}}]}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CustomerView.fromGraphql(withErrors))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NOT_FOUND");
    }
}
