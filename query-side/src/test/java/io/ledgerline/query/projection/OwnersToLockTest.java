package io.ledgerline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.query.projection.OwnersToLock.OwnerLock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnersToLockTest {

    @Test
    void locksEachOwnerOnceInTheModeItsEventsNeed() {
        OwnersToLock owners = new OwnersToLock();
        owners.exclusive("cust-b");
        owners.shared("cust-a");
        owners.exclusive("cust-b");
        owners.shared("cust-c");
        owners.shared("cust-a");

        assertThat(owners.locks(accounts -> List.of())).containsExactly(
                new OwnerLock("cust-a", false), new OwnerLock("cust-b", true), new OwnerLock("cust-c", false));
    }

    @Test
    void twoBatchesNamingTheSameOwnersInOppositeOrdersAskForTheSameLocks() {
        OwnersToLock first = new OwnersToLock();
        first.exclusive("cust-2");
        first.shared("cust-10");
        OwnersToLock second = new OwnersToLock();
        second.shared("cust-10");
        second.exclusive("cust-2");

        assertThat(first.locks(accounts -> List.of())).isEqualTo(second.locks(accounts -> List.of()))
                .extracting(OwnerLock::customerId).containsExactly("cust-10", "cust-2");
    }

    @Test
    void locksAnOwnerWantedInBothModesExclusivelyOnly() {
        OwnersToLock owners = new OwnersToLock();
        owners.shared("cust-a");
        owners.exclusive("cust-a");
        owners.sharedOwnerOf("acc-1");

        assertThat(owners.locks(accounts -> List.of("cust-a"))).containsExactly(new OwnerLock("cust-a", true));
    }

    @Test
    void placesTheOwnersOfAccountsAmongTheNamedOwners() {
        OwnersToLock owners = new OwnersToLock();
        owners.exclusive("cust-c");
        owners.sharedOwnerOf("acc-1");
        owners.sharedOwnerOf("acc-2");
        owners.sharedOwnerOf("acc-1");
        Map<String, String> accountOwners = Map.of("acc-1", "cust-b", "acc-2", "cust-d");

        assertThat(owners.locks(accounts -> accounts.stream().map(accountOwners::get).toList()))
                .containsExactly(new OwnerLock("cust-b", false), new OwnerLock("cust-c", true),
                        new OwnerLock("cust-d", false));
    }

    @Test
    void asksForTheOwnersOfAccountsOnlyWhenAnAccountsOwnerIsWanted() {
        OwnersToLock owners = new OwnersToLock();
        owners.shared("cust-a");
        owners.exclusive(null);
        owners.shared(null);
        List<Set<String>> asked = new ArrayList<>();

        assertThat(owners.locks(accounts -> {
            asked.add(accounts);
            return List.of();
        })).containsExactly(new OwnerLock("cust-a", false));
        assertThat(asked).isEmpty();
    }

    @Test
    void anAccountNotProjectedYetAddsNoOwner() {
        OwnersToLock owners = new OwnersToLock();
        owners.sharedOwnerOf("acc-unknown");

        assertThat(owners.locks(accounts -> Collections.singletonList(null))).isEmpty();
    }
}
