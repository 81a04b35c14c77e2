package dev.hangar.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.query.MongoTestServer;
import dev.hangar.query.compute.InstanceProjection;
import dev.hangar.query.database.DatabaseProjection;
import dev.hangar.query.subscription.SubscriptionProjection;
import dev.hangar.query.user.UserProjection;
import dev.hangar.query.webhook.WebhookDeliveryProjection;
import dev.hangar.query.workspace.ConnectedInstanceProjection;
import java.time.Duration;
import java.util.Set;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** Projection tokens live in MongoDB beside the read models; this is the production wiring against a real server. */
class ProjectionTokenStoreTest {

    private static final String PROCESSOR = UserProjection.GROUP;

    private static MongoTestServer mongo;
    private MongoTemplate axonTemplate;

    @BeforeAll
    static void startMongo() {
        mongo = new MongoTestServer();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        mongo.dropDatabase();
        axonTemplate = new ProjectionConfiguration().axonMongoTemplate(
                new SimpleMongoClientDatabaseFactory(mongo.client(), MongoTestServer.DATABASE));
    }

    private MongoTokenStore store(String nodeId) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonTemplate)
                .serializer(JacksonSerializer.defaultSerializer())
                .transactionManager(NoTransactionManager.INSTANCE)
                .nodeId(nodeId)
                .claimTimeout(Duration.ofMinutes(5))
                .build();
    }

    @Test
    void initializeStoreAndFetchAGapAwareToken() {
        MongoTokenStore store = store("node-1");

        store.initializeTokenSegments(PROCESSOR, 1);
        assertThat(store.fetchSegments(PROCESSOR)).containsExactly(0);
        assertThat(store.fetchToken(PROCESSOR, 0)).isNull();

        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(42, Set.of(7L, 40L));
        store.storeToken(token, PROCESSOR, 0);

        TrackingToken fetched = store.fetchToken(PROCESSOR, 0);
        assertThat(fetched).isEqualTo(token);
        assertThat(((GapAwareTrackingToken) fetched).getGaps()).containsExactly(7L, 40L);

        // A fresh store instance (a restarted node) reads the same token back.
        store.releaseClaim(PROCESSOR, 0);
        assertThat(store("node-1").fetchToken(PROCESSOR, 0)).isEqualTo(token);
    }

    @Test
    void initializeWithAnInitialToken() {
        MongoTokenStore store = store("node-1");
        GapAwareTrackingToken initial = GapAwareTrackingToken.newInstance(3, Set.of());

        store.initializeTokenSegments(PROCESSOR, 2, initial);

        assertThat(store.fetchSegments(PROCESSOR)).containsExactlyInAnyOrder(0, 1);
        assertThat(store.fetchToken(PROCESSOR, 0)).isEqualTo(initial);
        assertThat(store.fetchToken(PROCESSOR, 1)).isEqualTo(initial);
    }

    @Test
    void initializingTwiceIsRefused() {
        MongoTokenStore store = store("node-1");
        store.initializeTokenSegments(PROCESSOR, 1);

        assertThatThrownBy(() -> store.initializeTokenSegments(PROCESSOR, 1))
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void aClaimedSegmentIsRefusedToAnotherNodeUntilReleased() {
        MongoTokenStore node1 = store("node-1");
        MongoTokenStore node2 = store("node-2");
        node1.initializeTokenSegments(PROCESSOR, 1);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(9L));

        node1.fetchToken(PROCESSOR, 0);
        node1.storeToken(token, PROCESSOR, 0);

        assertThatThrownBy(() -> node2.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> node2.storeToken(GapAwareTrackingToken.newInstance(11, Set.of()), PROCESSOR, 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> node2.extendClaim(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        // The owner keeps its claim and its token is untouched by the refused writes.
        node1.extendClaim(PROCESSOR, 0);
        assertThat(node1.fetchToken(PROCESSOR, 0)).isEqualTo(token);

        node1.releaseClaim(PROCESSOR, 0);

        assertThat(node2.fetchToken(PROCESSOR, 0)).isEqualTo(token);
        assertThatThrownBy(() -> node1.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void theProductionModuleRegistersAMongoTokenStoreForEveryProjection() {
        ProjectionConfiguration projections = new ProjectionConfiguration();
        // Apply the module the way Spring's configurer modules are applied, then look the stores up.
        var configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer());
        projections.projectionTokenStores(axonTemplate).configureModule(configurer);
        Configuration config = configurer.buildConfiguration();

        assertThat(ProjectionConfiguration.PROJECTIONS)
                .containsExactlyInAnyOrder(UserProjection.GROUP, SubscriptionProjection.GROUP, DatabaseProjection.GROUP,
                        ConnectedInstanceProjection.GROUP, WebhookDeliveryProjection.GROUP, InstanceProjection.GROUP,
                        dev.hangar.query.service.ServiceProjection.GROUP);
        for (String group : ProjectionConfiguration.PROJECTIONS) {
            TokenStore tokenStore = config.eventProcessingConfiguration().tokenStore(group);
            assertThat(tokenStore).as(group).isInstanceOf(MongoTokenStore.class);
            tokenStore.initializeTokenSegments(group, 1);
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(5, Set.of(2L));
            tokenStore.fetchToken(group, 0);
            tokenStore.storeToken(token, group, 0);
            assertThat(tokenStore.fetchToken(group, 0)).isEqualTo(token);
        }
        // Both groups share one collection in the read store, one entry per group and segment.
        assertThat(store("other").fetchSegments(UserProjection.GROUP)).containsExactly(0);
        assertThat(store("other").fetchSegments(SubscriptionProjection.GROUP)).containsExactly(0);
    }
}
