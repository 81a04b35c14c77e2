package dev.hangar.api.workspaces;

import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.workspace.ConnectedInstanceList;
import dev.hangar.kernel.workspace.ConnectedInstanceView;
import dev.hangar.kernel.workspace.FindConnectedInstance;
import dev.hangar.kernel.workspace.InstanceHealth;
import dev.hangar.kernel.workspace.ListConnectedInstances;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** The Workspaces surface's one read facade, through the query bus; every read scoped to the caller's tenant. */
@Component
class WorkspaceDirectory {

    /** Longer than a probe's own bound (hangar.workspaces.probe-timeout, 5 s) plus the saga's pick-up. */
    static final Duration PROBE_WAIT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(100);

    private final QueryGateway queries;

    WorkspaceDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    /** {@code tenant_url} must be the caller's own tenant; any other answers 404, as an unknown one does. */
    static void requireOwnTenant(AuthenticatedUser me, String tenantUrl) {
        if (me.tenantUrl() == null || !me.tenantUrl().equals(tenantUrl)) {
            throw HangarException.notFound("NOT_FOUND", "Tenant not found");
        }
    }

    Optional<ConnectedInstanceView> find(String tenantId, String workspace, String name) {
        return queries.query(new FindConnectedInstance(tenantId, workspace, name),
                ResponseTypes.optionalInstanceOf(ConnectedInstanceView.class)).join();
    }

    ConnectedInstanceView require(String tenantId, String workspace, String name) {
        return find(tenantId, workspace, name).orElseThrow(() -> HangarException.notFound("NOT_FOUND",
                "Instance " + name + " not found in workspace " + workspace));
    }

    List<ConnectedInstanceView> list(String tenantId, String workspace) {
        return queries.query(new ListConnectedInstances(tenantId, workspace), ConnectedInstanceList.class).join()
                .instances();
    }

    /** Waits (bounded) until the instance's probe after a connect or a change of address is recorded. */
    ConnectedInstanceView awaitProbed(String tenantId, String workspace, String name) {
        long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
        ConnectedInstanceView view = require(tenantId, workspace, name);
        while (view.status() == InstanceHealth.PENDING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = require(tenantId, workspace, name);
        }
        return view;
    }
}
