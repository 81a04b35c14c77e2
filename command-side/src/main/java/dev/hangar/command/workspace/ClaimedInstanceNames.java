package dev.hangar.command.workspace;

import dev.hangar.command.claim.Claims;
import org.springframework.stereotype.Component;

/** Instance names as {@code UniqueClaim}s ({@code instance_name:<tenant>/<workspace>/<name>}), safe across nodes. */
@Component
class ClaimedInstanceNames implements InstanceNames {

    private final Claims claims;

    ClaimedInstanceNames(Claims claims) {
        this.claims = claims;
    }

    @Override
    public boolean take(String tenantId, String workspaceName, String name, String instanceId) {
        return claims.take(Claims.Kind.INSTANCE_NAME, value(tenantId, workspaceName, name), instanceId);
    }

    @Override
    public void release(String tenantId, String workspaceName, String name, String instanceId) {
        claims.release(Claims.Kind.INSTANCE_NAME, value(tenantId, workspaceName, name), instanceId);
    }

    private static String value(String tenantId, String workspaceName, String name) {
        return tenantId + "/" + workspaceName + "/" + name;
    }
}
