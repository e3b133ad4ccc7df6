package io.ledgerline.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Loopback ports: picking free ones for tests, checking fixed ones for local runs. */
public final class Ports {

    private Ports() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /** Returns {@code port}, or a free port when it is 0; fails clearly when a fixed port is taken. */
    public static int freeOrRequested(int port, String purpose) {
        if (port == 0) {
            return freePort();
        }
        if (isListening(port)) {
            throw new IllegalStateException("Port " + port + " for " + purpose + " is already in use on 127.0.0.1"
                    + listener(port).map(owner -> " by " + owner).orElse("")
                    + "; stop whatever listens there or choose another port");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + purpose + " cannot be bound: " + e.getMessage(), e);
        }
        return port;
    }

    /**
     * Who listens on {@code port}, as "process 123 (its command line)", found through /proc (Linux) and only
     * among the processes this user may inspect; empty elsewhere.
     */
    static Optional<String> listener(int port) {
        Set<String> sockets = listeningSocketInodes(port);
        if (sockets.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(process -> process.getFileName().toString().matches("\\d+"))
                    .filter(process -> holdsAnyOf(process, sockets))
                    .findFirst()
                    .map(process -> "process " + process.getFileName() + " (" + commandLine(process) + ")");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Set<String> listeningSocketInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    // local_address ends in the port; state 0A is LISTEN; the socket's inode is the tenth field
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
                        inodes.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table here: not Linux, or no IPv6
            }
        }
        return inodes;
    }

    private static boolean holdsAnyOf(Path process, Set<String> sockets) {
        try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
            return descriptors.anyMatch(descriptor -> {
                try {
                    return sockets.contains(Files.readSymbolicLink(descriptor).toString());
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String commandLine(Path process) {
        try {
            String line = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
            return line.length() > 160 ? line.substring(0, 160) + " ..." : line;
        } catch (IOException e) {
            return "command line not readable";
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
