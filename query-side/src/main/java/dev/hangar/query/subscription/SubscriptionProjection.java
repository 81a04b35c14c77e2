package dev.hangar.query.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.hangar.kernel.subscription.FindSubscriptionByUser;
import dev.hangar.kernel.subscription.InstanceSlotReleased;
import dev.hangar.kernel.subscription.InstanceSlotReserved;
import dev.hangar.kernel.subscription.PlanChanged;
import dev.hangar.kernel.subscription.SubscriptionCreated;
import dev.hangar.kernel.subscription.SubscriptionView;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Plans and usage. Sets, not counters, so that an event delivered twice counts once. */
@Component
@ProcessingGroup(SubscriptionProjection.GROUP)
public class SubscriptionProjection {

    public static final String GROUP = "subscriptions-projection";

    private final MongoTemplate mongo;

    public SubscriptionProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SubscriptionCreated e) {
        mongo.upsert(byUser(e.userId()), new Update().setOnInsert("subscriptionId", e.subscriptionId())
                .setOnInsert("plan", e.plan()).setOnInsert("instanceIds", List.of())
                .setOnInsert("updatedAt", e.createdAt()), SubscriptionDocument.class);
    }

    @EventHandler
    void on(PlanChanged e) {
        mongo.updateFirst(byUser(e.userId()), new Update().set("plan", e.plan()).set("updatedAt", e.changedAt()),
                SubscriptionDocument.class);
    }

    @EventHandler
    void on(InstanceSlotReserved e) {
        mongo.updateFirst(byUser(e.userId()), new Update().addToSet("instanceIds", e.instanceId())
                .set("updatedAt", e.reservedAt()), SubscriptionDocument.class);
    }

    @EventHandler
    void on(InstanceSlotReleased e) {
        mongo.updateFirst(byUser(e.userId()), new Update().pull("instanceIds", e.instanceId())
                .set("updatedAt", e.releasedAt()), SubscriptionDocument.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(SubscriptionDocument.class);
    }

    @QueryHandler
    public SubscriptionView handle(FindSubscriptionByUser query) {
        SubscriptionDocument doc = mongo.findOne(byUser(query.userId()), SubscriptionDocument.class);
        return doc == null ? SubscriptionView.initial(query.userId()) : doc.toView();
    }

    private static Query byUser(String userId) {
        return Query.query(where("_id").is(userId));
    }
}
