package dev.hangar.api.health;

import java.util.concurrent.atomic.LongAdder;
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
 * Counts the background steps this node carries out: each event a saga processor handles and each
 * deadline that comes due. /health reports them per minute as {@code performance.jobProcessingRate}
 * (seed 004).
 */
@Component
public class JobSteps implements SmartInitializingSingleton {

    private final LongAdder sagaSteps = new LongAdder();
    private final LongAdder deadlineSteps = new LongAdder();
    private final ObjectProvider<DeadlineManager> deadlineManagers;

    JobSteps(ObjectProvider<DeadlineManager> deadlineManagers) {
        this.deadlineManagers = deadlineManagers;
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

    private static <T extends Message<?>> MessageHandlerInterceptor<T> counting(LongAdder counter) {
        return (UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            counter.increment();
            return result;
        };
    }

    public long sagaSteps() {
        return sagaSteps.sum();
    }

    public long deadlineSteps() {
        return deadlineSteps.sum();
    }
}
