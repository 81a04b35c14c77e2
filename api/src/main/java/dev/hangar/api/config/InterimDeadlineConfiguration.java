package dev.hangar.api.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * An in-memory deadline manager until the durable one (db-scheduler) arrives from main; to be
 * deleted on that merge. Deadlines scheduled here do not survive a restart.
 */
@Configuration(proxyBeanMethods = false)
public class InterimDeadlineConfiguration {

    @Bean(destroyMethod = "shutdown")
    public DeadlineManager deadlineManager(@Lazy org.axonframework.config.Configuration axon,
                                           TransactionManager transactionManager) {
        return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .transactionManager(transactionManager).build();
    }
}
