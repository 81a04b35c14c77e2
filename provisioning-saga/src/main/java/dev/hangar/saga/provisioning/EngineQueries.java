package dev.hangar.saga.provisioning;

import dev.hangar.kernel.database.EngineList;
import dev.hangar.kernel.database.EngineView;
import dev.hangar.kernel.database.ListEngines;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.kernel.database.Engine;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.PullPolicy;
import dev.hangar.saga.runtime.ContainerRuntimeException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The catalog as the host sees it: an engine is available where the container engine answers and
 * its image is present, or may be pulled (pull policy other than never) and its last pull, if any,
 * did not fail. Each engine says why it cannot run now (or that a first create pulls its image).
 */
@Component
public class EngineQueries {

    private final EngineCatalog catalog;
    private final ContainerRuntime runtime;

    public EngineQueries(EngineCatalog catalog, ContainerRuntime runtime) {
        this.catalog = catalog;
        this.runtime = runtime;
    }

    @QueryHandler
    public EngineList handle(ListEngines query) {
        boolean reachable = runtime.ping();
        return new EngineList(catalog.all().stream()
                .map(e -> {
                    Verdict v = verdict(reachable, e.image());
                    return new EngineView(e.name(), e.version(), e.port(), e.description(), v.available(),
                            e.kind().scheme(), e.kind().fixedUsername(), e.image(), v.reason());
                })
                .toList(), reachable);
    }

    record Verdict(boolean available, String reason) {
    }

    /** Whether the engine can run now and, if not (or not without a pull), why. */
    Verdict verdict(boolean reachable, String image) {
        if (!reachable) {
            return new Verdict(false, "the container engine (DOCKER_HOST) does not answer");
        }
        PullPolicy policy = runtime.pullPolicy();
        boolean present;
        try {
            present = runtime.hasImage(image);
        } catch (ContainerRuntimeException e) {
            return new Verdict(false, "the container engine failed to inspect image " + image + ": " + e.getMessage());
        }
        String lastFailure = runtime.lastPullFailure(image);
        if (policy == PullPolicy.ALWAYS) {
            return lastFailure == null
                    ? new Verdict(true, present ? null : "image " + image + " is pulled on each create (pull-policy always)")
                    : new Verdict(true, "image " + image + " is pulled on each create (pull-policy always); the last pull failed: " + lastFailure);
        }
        if (present) {
            return new Verdict(true, null);
        }
        if (policy == PullPolicy.NEVER) {
            return new Verdict(false, "image " + image + " is not on the host and hangar.provisioning.pull-policy is never");
        }
        return lastFailure == null
                ? new Verdict(true, "image " + image + " is not on the host yet; the first create pulls it")
                : new Verdict(false, "image " + image + " is not on the host and the last pull failed: " + lastFailure
                        + " (a create pulls again)");
    }

}
