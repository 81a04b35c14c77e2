package dev.hangar.query.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.hangar.kernel.webhook.ListWebhookDeliveries;
import dev.hangar.kernel.webhook.StatusWebhookAbandoned;
import dev.hangar.kernel.webhook.StatusWebhookAttempted;
import dev.hangar.kernel.webhook.StatusWebhookDelivered;
import dev.hangar.kernel.webhook.StatusWebhookRequested;
import dev.hangar.kernel.webhook.WebhookAttemptView;
import dev.hangar.kernel.webhook.WebhookDeliveryList;
import dev.hangar.kernel.webhook.WebhookDeliveryStatus;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Status webhook deliveries and each of their attempts, per owner and stream. Every handler may
 * run twice after a crash (the token is stored after the write) and converges: a request is
 * inserted once, an attempt is added once per number.
 */
@Component
@ProcessingGroup(WebhookDeliveryProjection.GROUP)
public class WebhookDeliveryProjection {

    public static final String GROUP = "webhook-deliveries-projection";

    private final MongoTemplate mongo;

    public WebhookDeliveryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(StatusWebhookRequested e) {
        if (!mongo.exists(byId(e.deliveryId()), WebhookDeliveryDocument.class)) {
            mongo.insert(new WebhookDeliveryDocument(e.deliveryId(), e.ownerId(), e.streamId(), e.position(), e.url(),
                    e.event(), e.subjectId(), e.subjectName(), e.oldStatus(), e.newStatus(), e.reason(),
                    e.occurredAt(), e.requestedAt(), WebhookDeliveryStatus.PENDING, List.of(), null, null, null));
        }
    }

    @EventHandler
    void on(StatusWebhookAttempted e) {
        mongo.updateFirst(Query.query(where("_id").is(e.deliveryId()).and("attempts.attempt").ne(e.attempt())),
                new Update().push("attempts", new WebhookAttemptView(e.attempt(), e.statusCode(), e.error(),
                        e.attemptedAt())).set("nextAttemptAt", e.nextAttemptAt()),
                WebhookDeliveryDocument.class);
    }

    @EventHandler
    void on(StatusWebhookDelivered e) {
        mongo.updateFirst(byId(e.deliveryId()), new Update().set("status", WebhookDeliveryStatus.DELIVERED)
                .set("settledAt", e.deliveredAt()).set("nextAttemptAt", null), WebhookDeliveryDocument.class);
    }

    @EventHandler
    void on(StatusWebhookAbandoned e) {
        mongo.updateFirst(byId(e.deliveryId()), new Update().set("status", WebhookDeliveryStatus.ABANDONED)
                .set("settledAt", e.abandonedAt()).set("abandonReason", e.reason()).set("nextAttemptAt", null),
                WebhookDeliveryDocument.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(WebhookDeliveryDocument.class);
    }

    @QueryHandler
    public WebhookDeliveryList handle(ListWebhookDeliveries query) {
        return new WebhookDeliveryList(mongo.find(Query.query(where("ownerId").is(query.ownerId())
                        .and("streamId").is(query.streamId())).with(Sort.by("position")),
                WebhookDeliveryDocument.class).stream().map(WebhookDeliveryDocument::toView).toList());
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
