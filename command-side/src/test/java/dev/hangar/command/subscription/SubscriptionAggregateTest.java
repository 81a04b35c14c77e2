package dev.hangar.command.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.subscription.ChangePlan;
import dev.hangar.kernel.subscription.CreateSubscription;
import dev.hangar.kernel.subscription.InstanceSlotReleased;
import dev.hangar.kernel.subscription.InstanceSlotReserved;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.PlanChanged;
import dev.hangar.kernel.subscription.PlanLimitReached;
import dev.hangar.kernel.subscription.ReleaseInstanceSlot;
import dev.hangar.kernel.subscription.ReserveInstanceSlot;
import dev.hangar.kernel.subscription.SubscriptionCreated;
import dev.hangar.kernel.subscription.SubscriptionIds;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionAggregateTest {

    private static final String USER = "user-1";
    private static final String SUB = SubscriptionIds.forUser(USER);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private AggregateTestFixture<SubscriptionAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubscriptionAggregate.class);
    }

    private static SubscriptionCreated created(Plan plan) {
        return new SubscriptionCreated(SUB, USER, plan, T0);
    }

    private static InstanceSlotReserved reserved(String instanceId) {
        return new InstanceSlotReserved(SUB, USER, instanceId, T0);
    }

    @Test
    void createSubscriptionCreatesIt() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscription(SUB, USER, Plan.FREE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SubscriptionCreated(SUB, USER, Plan.FREE, fixture.currentTime()));
    }

    @Test
    void createSubscriptionAgainIsIdempotent() {
        fixture.given(created(Plan.FREE))
                .when(new CreateSubscription(SUB, USER, Plan.PREMIUM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void createSubscriptionAgainKeepsThePlanAndItsLimit() {
        fixture.given(created(Plan.FREE), reserved("i1"), reserved("i2"))
                .andGivenCommands(new CreateSubscription(SUB, USER, Plan.PREMIUM))
                .when(new ReserveInstanceSlot(SUB, "i3"))
                .expectException(PlanLimitReached.class)
                .expectNoEvents();
    }

    @Test
    void changePlan() {
        fixture.given(created(Plan.FREE))
                .when(new ChangePlan(SUB, Plan.STANDARD))
                .expectEvents(new PlanChanged(SUB, USER, Plan.FREE, Plan.STANDARD, fixture.currentTime()));
    }

    @Test
    void changeToTheCurrentPlanIsANoOp() {
        fixture.given(created(Plan.FREE), new PlanChanged(SUB, USER, Plan.FREE, Plan.PREMIUM, T0))
                .when(new ChangePlan(SUB, Plan.PREMIUM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changePlanOfAMissingSubscriptionFails() {
        fixture.givenNoPriorActivity()
                .when(new ChangePlan(SUB, Plan.PREMIUM))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void reserveWithinTheLimit() {
        fixture.given(created(Plan.FREE))
                .when(new ReserveInstanceSlot(SUB, "i1"))
                .expectEvents(new InstanceSlotReserved(SUB, USER, "i1", fixture.currentTime()));
    }

    @Test
    void reserveTheLastFreeSlot() {
        fixture.given(created(Plan.FREE), reserved("i1"))
                .when(new ReserveInstanceSlot(SUB, "i2"))
                .expectEvents(new InstanceSlotReserved(SUB, USER, "i2", fixture.currentTime()));
    }

    @Test
    void reservingTheSameInstanceTwiceIsANoOp() {
        fixture.given(created(Plan.FREE), reserved("i1"))
                .when(new ReserveInstanceSlot(SUB, "i1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reservingAnAlreadyHeldSlotIsANoOpEvenWhenTheLimitIsReached() {
        fixture.given(created(Plan.FREE), reserved("i1"), reserved("i2"))
                .when(new ReserveInstanceSlot(SUB, "i2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reservingBeyondTheFreeLimitIsRefused() {
        assertThat(Plan.FREE.maxInstances()).isEqualTo(2);
        fixture.given(created(Plan.FREE), reserved("i1"), reserved("i2"))
                .when(new ReserveInstanceSlot(SUB, "i3"))
                .expectException(PlanLimitReached.class)
                .expectExceptionMessage("Plan FREE allows 2 instances; all are in use")
                .expectNoEvents();
    }

    @Test
    void thePlanLimitRefusalIsAPlanLimitHangarException() {
        PlanLimitReached e = new PlanLimitReached(Plan.FREE);
        assertThat(e).isInstanceOf(HangarException.class);
        assertThat(e.kind()).isEqualTo(HangarException.Kind.PLAN_LIMIT);
        assertThat(e.code()).isEqualTo("PLAN_LIMIT_REACHED");
    }

    @Test
    void anUpgradeAllowsMoreSlots() {
        fixture.given(created(Plan.FREE), reserved("i1"), reserved("i2"),
                        new PlanChanged(SUB, USER, Plan.FREE, Plan.STANDARD, T0))
                .when(new ReserveInstanceSlot(SUB, "i3"))
                .expectEvents(new InstanceSlotReserved(SUB, USER, "i3", fixture.currentTime()));
    }

    @Test
    void theStandardLimitIsFive() {
        fixture.given(created(Plan.STANDARD), reserved("i1"), reserved("i2"), reserved("i3"), reserved("i4"),
                        reserved("i5"))
                .when(new ReserveInstanceSlot(SUB, "i6"))
                .expectException(PlanLimitReached.class)
                .expectNoEvents();
    }

    @Test
    void aDowngradeBelowUsageRefusesNewSlots() {
        fixture.given(created(Plan.STANDARD), reserved("i1"), reserved("i2"), reserved("i3"),
                        new PlanChanged(SUB, USER, Plan.STANDARD, Plan.FREE, T0))
                .when(new ReserveInstanceSlot(SUB, "i4"))
                .expectException(PlanLimitReached.class)
                .expectNoEvents();
    }

    @Test
    void reserveOnAMissingSubscriptionFails() {
        fixture.givenNoPriorActivity()
                .when(new ReserveInstanceSlot(SUB, "i1"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void releaseAHeldSlot() {
        fixture.given(created(Plan.FREE), reserved("i1"))
                .when(new ReleaseInstanceSlot(SUB, "i1"))
                .expectEvents(new InstanceSlotReleased(SUB, USER, "i1", fixture.currentTime()));
    }

    @Test
    void releaseAnUnknownInstanceIsANoOp() {
        fixture.given(created(Plan.FREE), reserved("i1"))
                .when(new ReleaseInstanceSlot(SUB, "other"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releaseTwiceIsANoOp() {
        fixture.given(created(Plan.FREE), reserved("i1"), new InstanceSlotReleased(SUB, USER, "i1", T0))
                .when(new ReleaseInstanceSlot(SUB, "i1"))
                .expectNoEvents();
    }

    @Test
    void aReleasedSlotCanBeReservedAgain() {
        fixture.given(created(Plan.FREE), reserved("i1"), reserved("i2"), new InstanceSlotReleased(SUB, USER, "i1", T0))
                .when(new ReserveInstanceSlot(SUB, "i3"))
                .expectEvents(new InstanceSlotReserved(SUB, USER, "i3", fixture.currentTime()));
    }

    @Test
    void releaseThenReserveTheSameInstanceAgain() {
        fixture.given(created(Plan.FREE), reserved("i1"), reserved("i2"))
                .andGivenCommands(new ReleaseInstanceSlot(SUB, "i1"))
                .when(new ReserveInstanceSlot(SUB, "i1"))
                .expectEvents(new InstanceSlotReserved(SUB, USER, "i1", fixture.currentTime()));
    }
}
