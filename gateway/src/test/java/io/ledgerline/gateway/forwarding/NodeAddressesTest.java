package io.ledgerline.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

class NodeAddressesTest {

    private static final ServiceInstance COMMAND_SIDE = configured("command-side", "command-side", 8081);

    /** Answers as compose's DNS does: the service's name with every replica's address, as of now. */
    private final Map<String, List<InetAddress>> dns = new HashMap<>();
    private final NodeAddresses everyAddress = NodeAddresses.everyAddress(host -> {
        List<InetAddress> answer = dns.get(host);
        if (answer == null || answer.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return answer;
    });

    @Test
    void makesEveryReplicaOfAScaledServiceANodeOnTheConfiguredPort() throws Exception {
        dns.put("command-side", List.of(address("172.18.0.5"), address("172.18.0.7")));

        List<ServiceInstance> nodes = everyAddress.of(List.of(COMMAND_SIDE));

        assertThat(nodes).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://172.18.0.5:8081"), URI.create("http://172.18.0.7:8081"));
        assertThat(nodes).extracting(ServiceInstance::getServiceId).containsOnly("command-side");
    }

    @Test
    void looksTheNameUpAgainAtEveryRoundSoAReplicaAddedOrRemovedLaterIsFound() throws Exception {
        dns.put("command-side", List.of(address("172.18.0.5")));
        assertThat(everyAddress.of(List.of(COMMAND_SIDE))).hasSize(1);

        dns.put("command-side", List.of(address("172.18.0.5"), address("172.18.0.9")));
        assertThat(everyAddress.of(List.of(COMMAND_SIDE))).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://172.18.0.5:8081"), URI.create("http://172.18.0.9:8081"));

        dns.put("command-side", List.of(address("172.18.0.9")));
        assertThat(everyAddress.of(List.of(COMMAND_SIDE))).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://172.18.0.9:8081"));
    }

    @Test
    void givesNoNodeForANameWithoutAnyAddressAndKeepsTheOthers() throws Exception {
        dns.put("command-side-b", List.of(address("172.18.0.11")));

        List<ServiceInstance> nodes = everyAddress.of(List.of(COMMAND_SIDE, configured("command-side", "command-side-b", 8081)));

        assertThat(nodes).extracting(ServiceInstance::getUri).containsExactly(URI.create("http://172.18.0.11:8081"));
    }

    @Test
    void listsANodeNamedTwiceOnce() throws Exception {
        dns.put("command-side", List.of(address("172.18.0.5")));
        dns.put("ledgerline-command-side-1", List.of(address("172.18.0.5")));

        List<ServiceInstance> nodes = everyAddress.of(List.of(COMMAND_SIDE,
                configured("command-side", "ledgerline-command-side-1", 8081)));

        assertThat(nodes).hasSize(1);
    }

    @Test
    void bracketsAnIpv6AddressInTheNodesUri() throws Exception {
        dns.put("command-side", List.of(address("fd00::5")));

        assertThat(everyAddress.of(List.of(COMMAND_SIDE))).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://[fd00:0:0:0:0:0:0:5]:8081"));
    }

    @Test
    void keepsANodeGivenByAddressOrByTheLoopbackNameOneLoopbackNode() {
        NodeAddresses system = NodeAddresses.everyAddress(NodeAddresses.SYSTEM);

        assertThat(system.of(List.of(configured("command-side", "127.0.0.1", 8081)))).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://127.0.0.1:8081"));
        // localhost is 127.0.0.1 alone on most machines; where it is ::1 as well, both are this machine's
        List<ServiceInstance> localhost = system.of(List.of(configured("command-side", "localhost", 8081)));
        assertThat(localhost).isNotEmpty().allSatisfy(node -> assertThat(isLoopback(node)).isTrue());
    }

    @Test
    void leavesTheConfiguredInstancesAsTheyAreUnlessToldToResolve() {
        List<ServiceInstance> configured = new ArrayList<>(List.of(COMMAND_SIDE));

        assertThat(NodeAddresses.asConfigured().of(configured)).containsExactly(COMMAND_SIDE);
    }

    private static boolean isLoopback(ServiceInstance node) {
        try {
            return InetAddress.getByName(node.getUri().getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ServiceInstance configured(String serviceId, String host, int port) {
        return new DefaultServiceInstance(serviceId + "-" + host, serviceId, host, port, false);
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
