package io.ledgerline.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.gateway.websocket.ConnectionInit.Reading;
import io.ledgerline.gateway.websocket.ConnectionInit.Verdict;
import org.junit.jupiter.api.Test;

class ConnectionInitTest {

    private final ObjectMapper json = new ObjectMapper();

    private Reading read(String message) {
        return ConnectionInit.read(message, json);
    }

    @Test
    void takesTheTokenOfAnAuthorizationBearerEntryWhateverTheNamesCase() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer abc.def.ghi\"}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"authorization\":\"bearer abc.def.ghi\"}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
    }

    @Test
    void takesATokenEntryAsItIsForTheQuerySideDecodesItAsItIs() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"token\":\" abc.def.ghi \"}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
        // no JWT: the gateway's check refuses it as the node would, rather than passing on what the node refuses
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"token\":\"Bearer abc.def.ghi\"}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "Bearer abc.def.ghi"));
    }

    @Test
    void takesBothFormsWhenTheyCarryOneToken() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer t1\",\"token\":\"t1\"}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "t1"));
    }

    @Test
    void refusesTwoDifferentTokensForTheNodeMightUseTheOneTheGatewayDidNotCheck() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer t1\",\"token\":\"t2\"}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
    }

    @Test
    void takesTheSameFormsUnderHeadersAsTheQuerySideDoes() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"Authorization\":\"Bearer abc.def.ghi\"}}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"authorization\":\"bearer abc.def.ghi\"}}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"token\":\"abc.def.ghi\"}}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
    }

    @Test
    void takesTheTokenEntriesOtherClientLibrariesNameAsTheQuerySideDoes() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"authToken\":\"abc.def.ghi\"}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"accessToken\":\"abc.def.ghi\"}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"accessToken\":\"abc.def.ghi\"}}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "abc.def.ghi"));
    }

    @Test
    void takesATokenOnTopAndUnderHeadersWhenTheyAreOne() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"token\":\"t1\",\"headers\":{\"Authorization\":\"Bearer t1\"}}}"))
                .isEqualTo(new Reading(Verdict.TOKEN, "t1"));
    }

    @Test
    void refusesATokenUnderHeadersThatDiffersFromTheOneOnTop() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"token\":\"t1\",\"headers\":{\"Authorization\":\"Bearer t2\"}}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"Authorization\":\"Bearer t1\",\"token\":\"t2\"}}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"token\":\"t1\",\"accessToken\":\"t2\"}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
    }

    @Test
    void refusesHeadersThatAreNoObjectOrHoldNoToken() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":\"Bearer abc.def.ghi\"}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":{}}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"X-Token\":\"abc.def.ghi\"}}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
    }

    @Test
    void refusesAConnectionInitWithoutAToken() {
        assertThat(read("{\"type\":\"connection_init\"}").verdict()).isEqualTo(Verdict.NO_TOKEN);
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{}}").verdict()).isEqualTo(Verdict.NO_TOKEN);
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"token\":\"  \"}}").verdict()).isEqualTo(Verdict.NO_TOKEN);
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"token\":42}}").verdict()).isEqualTo(Verdict.NO_TOKEN);
    }

    @Test
    void refusesAnAuthorizationEntryOfAnotherScheme() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Basic dXNlcjpwdw==\"}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"Authorization\":\"Basic dXNlcjpwdw==\"}}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
    }

    @Test
    void refusesAnAuthorizationEntryOfAnotherSchemeEvenBesideATokenForTheQuerySideRefusesIt() {
        assertThat(read("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Basic dXNlcjpwdw==\",\"token\":\"t1\"}}").verdict())
                .isEqualTo(Verdict.NO_TOKEN);
    }

    @Test
    void tellsAnotherFirstMessageFromOneThatIsNoMessage() {
        assertThat(read("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}").verdict())
                .isEqualTo(Verdict.NOT_CONNECTION_INIT);
        assertThat(read("not json").verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(read("[1,2]").verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(read("{\"payload\":{}}").verdict()).isEqualTo(Verdict.MALFORMED);
    }
}
