package dev.hangar.command.instance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a port is free on the container host; the local engine's host is this machine. */
public interface HostPorts {

    boolean isFree(int port);

    /** Tries to bind the port on every interface, as the engine's port publisher would. */
    static HostPorts local() {
        return port -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("0.0.0.0", port));
                return true;
            } catch (IOException taken) {
                return false;
            }
        };
    }
}
