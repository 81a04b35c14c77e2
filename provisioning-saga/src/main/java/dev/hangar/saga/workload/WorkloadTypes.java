package dev.hangar.saga.workload;

import dev.hangar.kernel.workload.WorkloadRequested;
import java.util.List;

/** Every workload type the application has, found by the request event that starts its lifecycle. */
public final class WorkloadTypes {

    private final List<WorkloadType<?>> types;

    public WorkloadTypes(List<WorkloadType<?>> types) {
        this.types = List.copyOf(types);
    }

    @SuppressWarnings("unchecked")
    public <R extends WorkloadRequested> WorkloadType<R> of(R request) {
        return (WorkloadType<R>) types.stream()
                .filter(t -> t.requestType().isInstance(request))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no workload type for " + request.getClass().getName()));
    }
}
