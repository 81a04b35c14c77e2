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
 * its image is present, or may be pulled (pull policy other than never).
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
                .map(e -> new EngineView(e.name(), e.version(), e.port(), e.description(),
                        reachable && (runtime.pullPolicy() != PullPolicy.NEVER || hasImage(e.image())), e.kind().scheme(), e.kind().fixedUsername()))
                .toList(), reachable);
    }

    /** An engine that fails while answering is as unavailable as one that does not answer. */
    private boolean hasImage(String image) {
        try {
            return runtime.hasImage(image);
        } catch (ContainerRuntimeException e) {
            return false;
        }
    }
}
