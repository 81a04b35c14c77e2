package dev.hangar.saga.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

final class TcpProbe {

    private TcpProbe() {
    }

    static boolean connects(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
