package dev.hangar.api.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts the background steps (jobs) this node carries out, as the Micrometer counter
 * {@value #METER} ({@code hangar_jobs_processed_total} on {@code /actuator/prometheus}) tagged
 * {@code type}: {@value #SAGA_STEP} for each event a saga processor handles, {@value #DEADLINE} for
 * each deadline that comes due. Another kind of job counts itself with
 * {@code meters.counter(JobSteps.METER, "type", "<kind>").increment()} (e.g. webhook deliveries);
 * {@code /health}'s {@code jobProcessingRate} and {@code /api/metrics}'s {@code jobs} add up every type.
 */
@Component
public class JobSteps implements SmartInitializingSingleton {

    public static final String METER = "hangar.jobs.processed";
    public static final String SAGA_STEP = "saga_step";
    public static final String DEADLINE = "deadline";

    private static final String DESCRIPTION = "Background steps carried out: saga event handlings, deadlines come due, ...";

    private final Counter sagaSteps;
    private final Counter deadlineSteps;
    private final ObjectProvider<DeadlineManager> deadlineManagers;

    JobSteps(ObjectProvider<DeadlineManager> deadlineManagers, MeterRegistry meters) {
        this.deadlineManagers = deadlineManagers;
        this.sagaSteps = Counter.builder(METER).tag("type", SAGA_STEP).description(DESCRIPTION).register(meters);
        this.deadlineSteps = Counter.builder(METER).tag("type", DEADLINE).description(DESCRIPTION).register(meters);
    }

    /** Every processor whose name ends in "SagaProcessor" (WorkloadSagaProcessor, the payment sagas). */
    @Autowired
    void countSagaSteps(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> processorName.endsWith("SagaProcessor")
                ? counting(sagaSteps) : (unitOfWork, chain) -> chain.proceed());
    }

    @Override
    public void afterSingletonsInstantiated() {
        deadlineManagers.orderedStream().forEach(d -> d.registerHandlerInterceptor(counting(deadlineSteps)));
    }

    private static <T extends Message<?>> MessageHandlerInterceptor<T> counting(Counter counter) {
        return (UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            counter.increment();
            return result;
        };
    }
}
