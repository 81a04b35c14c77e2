package dev.hangar.command.subscription;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's plan and the instance slots it hands out. Every provisioned instance holds one slot
 * from reservation until release, so the plan's limit holds under any concurrency: commands on
 * one subscription are serialized, and its stream's sequence numbers refuse a lost update.
 */
@Aggregate
public class SubscriptionAggregate {

    @AggregateIdentifier
    private String subscriptionId;
    private String userId;
    private Plan plan;
    private final Set<String> reservedInstances = new LinkedHashSet<>();

    /** Public for load-or-create: a database asked for before onboarding ran gets the FREE plan first. */
    public SubscriptionAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateSubscription cmd) {
        if (subscriptionId == null) {
            apply(new SubscriptionCreated(cmd.subscriptionId(), cmd.userId(), cmd.plan(), now()));
        }
    }

    @CommandHandler
    public void handle(ChangePlan cmd) {
        if (cmd.plan() != plan) {
            apply(new PlanChanged(subscriptionId, userId, plan, cmd.plan(), now()));
        }
    }

    /** @return the plan the slot was taken under */
    @CommandHandler
    public Plan handle(ReserveInstanceSlot cmd) {
        if (reservedInstances.contains(cmd.instanceId())) {
            return plan;
        }
        if (reservedInstances.size() >= plan.maxInstances()) {
            throw new PlanLimitReached(plan);
        }
        apply(new InstanceSlotReserved(subscriptionId, userId, cmd.instanceId(), now()));
        return plan;
    }

    @CommandHandler
    public void handle(ReleaseInstanceSlot cmd) {
        if (reservedInstances.contains(cmd.instanceId())) {
            apply(new InstanceSlotReleased(subscriptionId, userId, cmd.instanceId(), now()));
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(SubscriptionCreated e) {
        subscriptionId = e.subscriptionId();
        userId = e.userId();
        plan = e.plan();
    }

    @EventSourcingHandler
    void on(PlanChanged e) {
        plan = e.plan();
    }

    @EventSourcingHandler
    void on(InstanceSlotReserved e) {
        reservedInstances.add(e.instanceId());
    }

    @EventSourcingHandler
    void on(InstanceSlotReleased e) {
        reservedInstances.remove(e.instanceId());
    }
}
