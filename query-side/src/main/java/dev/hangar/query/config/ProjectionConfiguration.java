package dev.hangar.query.config;

import dev.hangar.query.compute.InstanceProjection;
import dev.hangar.query.database.DatabaseProjection;
import dev.hangar.query.subscription.SubscriptionProjection;
import dev.hangar.query.service.ServiceProjection;
import dev.hangar.query.user.UserProjection;
import dev.hangar.query.webhook.WebhookDeliveryProjection;
import dev.hangar.query.workspace.ConnectedInstanceProjection;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Each projection keeps its tracking token in the read store beside its read model: wipe the
 * read store and the projection starts again from the first event, rebuilding itself.
 */
@Configuration
public class ProjectionConfiguration {

    /** The processing groups whose state lives in MongoDB. */
    public static final List<String> PROJECTIONS = List.of(UserProjection.GROUP, SubscriptionProjection.GROUP,
            DatabaseProjection.GROUP, ConnectedInstanceProjection.GROUP, WebhookDeliveryProjection.GROUP,
            InstanceProjection.GROUP, ServiceProjection.GROUP);

    @Bean
    public MongoTemplate axonMongoTemplate(MongoDatabaseFactory databaseFactory) {
        return DefaultMongoTemplate.builder().mongoDatabase(databaseFactory.getMongoDatabase()).build();
    }

    @Bean
    public ConfigurerModule projectionTokenStores(MongoTemplate axonMongoTemplate) {
        return configurer -> configurer.eventProcessing(processing -> PROJECTIONS.forEach(group -> {
            processing.registerTokenStore(group, config -> MongoTokenStore.builder()
                    .mongoTemplate(axonMongoTemplate)
                    .serializer(config.serializer())
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .build());
            // MongoDB writes are not part of a relational transaction; don't open one per batch.
            processing.registerTransactionManager(group, config -> NoTransactionManager.INSTANCE);
            // A failed write is retried (with back-off), never skipped: a skipped event would leave
            // the read model wrong until the next rebuild.
            processing.registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
        }));
    }
}
