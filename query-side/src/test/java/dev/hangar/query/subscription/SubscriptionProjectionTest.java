package dev.hangar.query.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.subscription.FindSubscriptionByUser;
import dev.hangar.kernel.subscription.InstanceSlotReleased;
import dev.hangar.kernel.subscription.InstanceSlotReserved;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.PlanChanged;
import dev.hangar.kernel.subscription.SubscriptionCreated;
import dev.hangar.kernel.subscription.SubscriptionIds;
import dev.hangar.kernel.subscription.SubscriptionView;
import dev.hangar.query.MongoTestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionProjectionTest {

    private static final String USER = "user-1";
    private static final String SUB = SubscriptionIds.forUser(USER);
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private static MongoTestServer mongo;
    private SubscriptionProjection projection;

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
        projection = new SubscriptionProjection(mongo.template());
    }

    private SubscriptionView view() {
        return projection.handle(new FindSubscriptionByUser(USER));
    }

    private static InstanceSlotReserved reserved(String instance, int second) {
        return new InstanceSlotReserved(SUB, USER, instance, T0.plusSeconds(second));
    }

    private static InstanceSlotReleased released(String instance, int second) {
        return new InstanceSlotReleased(SUB, USER, instance, T0.plusSeconds(second));
    }

    private void deliver(Object event) {
        if (event instanceof SubscriptionCreated e) {
            projection.on(e);
        } else if (event instanceof PlanChanged e) {
            projection.on(e);
        } else if (event instanceof InstanceSlotReserved e) {
            projection.on(e);
        } else if (event instanceof InstanceSlotReleased e) {
            projection.on(e);
        } else {
            throw new IllegalArgumentException(String.valueOf(event));
        }
    }

    private void deliverAll(List<?> events) {
        events.forEach(this::deliver);
    }

    @Test
    void anUnknownUserIsOnTheInitialFreePlan() {
        SubscriptionView view = projection.handle(new FindSubscriptionByUser("nobody"));

        assertThat(view).isEqualTo(SubscriptionView.initial("nobody"));
        assertThat(view.plan()).isEqualTo(Plan.FREE);
        assertThat(view.currentInstances()).isZero();
        assertThat(view.remainingInstances()).isEqualTo(2);
        assertThat(view.subscriptionId()).isEqualTo(SubscriptionIds.forUser("nobody"));
    }

    @Test
    void creation() {
        projection.on(new SubscriptionCreated(SUB, USER, Plan.FREE, T0));

        assertThat(view()).isEqualTo(new SubscriptionView(SUB, USER, Plan.FREE, 0, T0));
    }

    @Test
    void creationAgainDoesNotResetPlanOrUsage() {
        deliverAll(List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0),
                new PlanChanged(SUB, USER, Plan.FREE, Plan.PREMIUM, T0.plusSeconds(1)), reserved("i1", 2)));

        projection.on(new SubscriptionCreated(SUB, USER, Plan.FREE, T0));

        assertThat(view()).isEqualTo(new SubscriptionView(SUB, USER, Plan.PREMIUM, 1, T0.plusSeconds(2)));
    }

    @Test
    void planChange() {
        deliverAll(List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0),
                new PlanChanged(SUB, USER, Plan.FREE, Plan.STANDARD, T0.plusSeconds(5))));

        assertThat(view()).isEqualTo(new SubscriptionView(SUB, USER, Plan.STANDARD, 0, T0.plusSeconds(5)));
        assertThat(view().remainingInstances()).isEqualTo(5);
    }

    @Test
    void usageCountsDistinctReservedInstances() {
        deliverAll(List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0), reserved("i1", 1), reserved("i1", 1),
                reserved("i2", 2)));

        assertThat(view().currentInstances()).isEqualTo(2);
        assertThat(view().remainingInstances()).isZero();
    }

    @Test
    void reservingTheSameInstanceTwiceCountsOnce() {
        deliverAll(List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0), reserved("i1", 1), reserved("i1", 1)));

        assertThat(view().currentInstances()).isEqualTo(1);
        assertThat(view().remainingInstances()).isEqualTo(1);
    }

    @Test
    void releaseRemovesTheInstance() {
        deliverAll(List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0), reserved("i1", 1), reserved("i2", 2),
                released("i1", 3)));

        assertThat(view()).isEqualTo(new SubscriptionView(SUB, USER, Plan.FREE, 1, T0.plusSeconds(3)));

        projection.on(released("i1", 3));
        projection.on(released("never-reserved", 4));
        assertThat(view().currentInstances()).isEqualTo(1);
    }

    @Test
    void releaseThenReserveAgainCountsAgain() {
        deliverAll(List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0), reserved("i1", 1), released("i1", 2),
                reserved("i1", 3)));

        assertThat(view().currentInstances()).isEqualTo(1);
    }

    @Test
    void everyEventDeliveredTwiceGivesTheSameState() {
        List<Object> history = List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0), reserved("i1", 1),
                new PlanChanged(SUB, USER, Plan.FREE, Plan.STANDARD, T0.plusSeconds(2)), reserved("i2", 3),
                reserved("i3", 4), released("i2", 5));
        deliverAll(history);
        SubscriptionView once = view();
        assertThat(once).isEqualTo(new SubscriptionView(SUB, USER, Plan.STANDARD, 2, T0.plusSeconds(5)));

        setUp();
        history.forEach(e -> {
            deliver(e);
            deliver(e);
        });

        assertThat(view()).isEqualTo(once);
    }

    @Test
    void aReplayedSuffixConverges() {
        List<Object> history = List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0), reserved("i1", 1),
                reserved("i2", 2), new PlanChanged(SUB, USER, Plan.FREE, Plan.PREMIUM, T0.plusSeconds(3)),
                released("i1", 4), reserved("i3", 5));
        deliverAll(history);
        SubscriptionView once = view();
        assertThat(once.currentInstances()).isEqualTo(2);

        for (int from = 0; from < history.size(); from++) {
            deliverAll(history.subList(from, history.size()));
            assertThat(view()).as("after replaying from event %d", from).isEqualTo(once);
        }
    }

    @Test
    void subscriptionsAreKeptPerUser() {
        String other = "user-2";
        deliverAll(List.of(new SubscriptionCreated(SUB, USER, Plan.FREE, T0),
                new SubscriptionCreated(SubscriptionIds.forUser(other), other, Plan.PREMIUM, T0), reserved("i1", 1)));

        assertThat(view().currentInstances()).isEqualTo(1);
        assertThat(projection.handle(new FindSubscriptionByUser(other)))
                .isEqualTo(new SubscriptionView(SubscriptionIds.forUser(other), other, Plan.PREMIUM, 0, T0));
    }

    @Test
    void resetDropsTheReadModel() {
        deliverAll(List.of(new SubscriptionCreated(SUB, USER, Plan.STANDARD, T0), reserved("i1", 1)));
        assertThat(mongo.template().collectionExists(SubscriptionDocument.COLLECTION)).isTrue();

        projection.reset();

        assertThat(mongo.template().collectionExists(SubscriptionDocument.COLLECTION)).isFalse();
        assertThat(view()).isEqualTo(SubscriptionView.initial(USER));
    }
}
