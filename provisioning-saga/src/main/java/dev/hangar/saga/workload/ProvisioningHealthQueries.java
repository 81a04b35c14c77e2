package dev.hangar.saga.workload;

import dev.hangar.kernel.workload.FindProvisioningHealth;
import dev.hangar.kernel.workload.ProvisioningHealth;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class ProvisioningHealthQueries {

    private final WorkloadEngine engine;
    private final PoisonedWorkloads poisoned;

    public ProvisioningHealthQueries(WorkloadEngine engine, PoisonedWorkloads poisoned) {
        this.engine = engine;
        this.poisoned = poisoned;
    }

    @QueryHandler
    public ProvisioningHealth handle(FindProvisioningHealth query) {
        return new ProvisioningHealth(engine.running(), engine.queued(), engine.operations(), engine.recordedFailures(),
                poisoned.incidents());
    }
}
