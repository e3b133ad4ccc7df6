package io.ledgerline.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

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
            throw new IllegalStateException("Port " + port + " for " + purpose + " is already in use on 127.0.0.1; "
                    + "stop whatever listens there or choose another port");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + purpose + " cannot be bound: " + e.getMessage(), e);
        }
        return port;
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
