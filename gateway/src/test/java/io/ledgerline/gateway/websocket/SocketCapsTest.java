package io.ledgerline.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SocketCapsTest {

    @Test
    void holdsNoMoreSocketsThanTheGatewaysCapAndFreesAPlaceWhenOneCloses() {
        SocketCaps caps = new SocketCaps(2, 5, 5);
        assertThat(caps.tryOpen()).isTrue();
        assertThat(caps.hasRoom()).isTrue();
        assertThat(caps.tryOpen()).isTrue();
        assertThat(caps.hasRoom()).isFalse();
        assertThat(caps.tryOpen()).isFalse();
        caps.closed();
        assertThat(caps.open()).isEqualTo(1);
        assertThat(caps.tryOpen()).isTrue();
    }

    @Test
    void admitsNoMoreSocketsOfOneSubjectThanItsCapWhileOthersAreAdmitted() {
        SocketCaps caps = new SocketCaps(10, 2, 5);
        assertThat(caps.tryAdmit("ann")).isTrue();
        assertThat(caps.tryAdmit("ann")).isTrue();
        assertThat(caps.tryAdmit("ann")).isFalse();
        assertThat(caps.tryAdmit("bob")).isTrue();
        caps.release("ann");
        assertThat(caps.heldBy("ann")).isEqualTo(1);
        assertThat(caps.tryAdmit("ann")).isTrue();
    }

    @Test
    void forgetsASubjectWithoutSockets() {
        SocketCaps caps = new SocketCaps(10, 2, 5);
        caps.tryAdmit("ann");
        caps.release("ann");
        caps.release("ann");
        assertThat(caps.heldBy("ann")).isZero();
        assertThat(caps.tryAdmit("ann")).isTrue();
    }

    @Test
    void letsNoMoreSocketsOfOneAddressAwaitTheirConnectionInitThanItsCapWhileOtherAddressesMay() {
        SocketCaps caps = new SocketCaps(10, 5, 2);
        assertThat(caps.tryAwaitInit("192.0.2.1")).isTrue();
        assertThat(caps.hasRoomToAwaitInit("192.0.2.1")).isTrue();
        assertThat(caps.tryAwaitInit("192.0.2.1")).isTrue();
        assertThat(caps.hasRoomToAwaitInit("192.0.2.1")).isFalse();
        assertThat(caps.tryAwaitInit("192.0.2.1")).isFalse();
        assertThat(caps.tryAwaitInit("192.0.2.2")).isTrue();
        caps.initAwaited("192.0.2.1");
        assertThat(caps.awaitingInitFrom("192.0.2.1")).isEqualTo(1);
        assertThat(caps.tryAwaitInit("192.0.2.1")).isTrue();
    }

    @Test
    void refusesCapsThatAllowNoSocket() {
        assertThatThrownBy(() -> new SocketCaps(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocketCaps(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocketCaps(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
