package io.ledgerline.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

class InstanceChooserTest {

    private final InstanceChooser chooser = new InstanceChooser();
    private final List<ServiceInstance> three = List.of(node(8081), node(8083), node(8085));

    @Test
    void sendsOneKeyToOneNodeWhileItIsHealthy() {
        URI first = chooser.choose(three, Optional.of("account:a-1"), Set.of()).orElseThrow().getUri();
        for (int i = 0; i < 20; i++) {
            assertThat(chooser.choose(three, Optional.of("account:a-1"), Set.of()).orElseThrow().getUri()).isEqualTo(first);
        }
    }

    @Test
    void movesOnlyTheKeysOfANodeThatLeaves() {
        Map<String, URI> before = placements(three);
        List<ServiceInstance> two = three.subList(0, 2);
        Map<String, URI> after = placements(two);
        before.forEach((key, node) -> {
            if (!node.equals(three.get(2).getUri())) {
                assertThat(after.get(key)).as(key).isEqualTo(node);
            }
        });
        assertThat(before.values()).contains(three.get(2).getUri());
    }

    @Test
    void spreadsKeysOverAllNodes() {
        Map<URI, Long> perNode = new HashMap<>();
        placements(three).values().forEach(node -> perNode.merge(node, 1L, Long::sum));
        assertThat(perNode).hasSize(3);
        assertThat(perNode.values()).allSatisfy(count -> assertThat(count).isBetween(200L, 467L));
    }

    @Test
    void takesTurnsWithoutAKeyAndSkipsNodesAlreadyTried() {
        List<URI> turns = IntStream.range(0, 6)
                .mapToObj(i -> chooser.choose(three, Optional.empty(), Set.of()).orElseThrow().getUri()).toList();
        assertThat(turns).containsExactly(uri(8081), uri(8083), uri(8085), uri(8081), uri(8083), uri(8085));
        assertThat(chooser.choose(three, Optional.of("account:a-1"), Set.of(uri(8081), uri(8083), uri(8085)))).isEmpty();
        URI first = chooser.choose(three, Optional.of("account:a-1"), Set.of()).orElseThrow().getUri();
        assertThat(chooser.choose(three, Optional.of("account:a-1"), Set.of(first)).orElseThrow().getUri()).isNotEqualTo(first);
    }

    private Map<String, URI> placements(List<ServiceInstance> nodes) {
        Map<String, URI> placements = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String key = "account:" + i;
            placements.put(key, chooser.choose(nodes, Optional.of(key), Set.of()).orElseThrow().getUri());
        }
        return placements;
    }

    private static ServiceInstance node(int port) {
        return new DefaultServiceInstance("command-side-" + port, "command-side", "127.0.0.1", port, false);
    }

    private static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
