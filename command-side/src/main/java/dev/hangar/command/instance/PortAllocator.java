package dev.hangar.command.instance;

import dev.hangar.command.claim.Claims;
import dev.hangar.kernel.common.HangarException;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.lock.DeadlockException;
import org.springframework.stereotype.Component;

/**
 * Hands out host ports. A port is a unique claim in the event store, held by its database for
 * life and released on delete, so no two live databases ever share one, on any node; a port some
 * other process uses on the host is skipped.
 */
@Component
public class PortAllocator {

    private final Claims claims;
    private final HostPorts hostPorts;
    private final PortRange range;

    public PortAllocator(Claims claims, HostPorts hostPorts, PortRange range) {
        this.claims = claims;
        this.hostPorts = hostPorts;
        this.range = range;
    }

    public int allocate(String instanceId) {
        // A random starting point keeps concurrent allocations from queueing on the same claims.
        int offset = ThreadLocalRandom.current().nextInt(range.size());
        for (int i = 0; i < range.size(); i++) {
            int port = range.first() + (offset + i) % range.size();
            if (hostPorts.isFree(port) && take(port, instanceId)) {
                return port;
            }
        }
        throw new HangarException(HangarException.Kind.UNAVAILABLE, "NO_PORT_AVAILABLE",
                "This host is at its capacity of " + range.size() + " databases (no free host port in "
                        + range.first() + "-" + range.last() + "); try again later");
    }

    /**
     * A claim stays locked until the unit of work ends, also one found held by another database; two
     * scans that started at different offsets can thus each hold a lock the other waits for. Axon
     * detects that cycle: the claims in it are held by other databases, so the scan moves on.
     */
    private boolean take(int port, String instanceId) {
        try {
            return claims.take(Claims.Kind.PORT, String.valueOf(port), instanceId);
        } catch (DeadlockException held) {
            return false;
        }
    }

    public void release(int port, String instanceId) {
        claims.release(Claims.Kind.PORT, String.valueOf(port), instanceId);
    }
}
