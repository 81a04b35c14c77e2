package dev.hangar.query.compute;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.hangar.kernel.instance.EstimateReadyTime;
import dev.hangar.kernel.instance.FindInstance;
import dev.hangar.kernel.instance.FindInstanceByName;
import dev.hangar.kernel.instance.InstanceContainerExited;
import dev.hangar.kernel.instance.AutoStopCheckCompleted;
import dev.hangar.kernel.instance.AutoStopStats;
import dev.hangar.kernel.instance.FindAutoStopStats;
import dev.hangar.kernel.instance.InstanceAutoStopRequested;
import dev.hangar.kernel.instance.InstanceDeleted;
import dev.hangar.kernel.instance.InstanceUsed;
import dev.hangar.kernel.instance.InstanceDeletionRequested;
import dev.hangar.kernel.instance.InstanceList;
import dev.hangar.kernel.instance.InstanceProgressed;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceProvisioningFailed;
import dev.hangar.kernel.instance.InstanceRenamed;
import dev.hangar.kernel.instance.InstanceRequested;
import dev.hangar.kernel.instance.InstanceStartFailed;
import dev.hangar.kernel.instance.InstanceStartRequested;
import dev.hangar.kernel.instance.InstanceStarted;
import dev.hangar.kernel.instance.InstanceState;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceStopRequested;
import dev.hangar.kernel.instance.InstanceStopped;
import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.kernel.instance.ListInstances;
import dev.hangar.kernel.instance.ListInstancesExpectedRunning;
import dev.hangar.kernel.instance.ReadyTimeEstimate;
import dev.hangar.kernel.instance.WatchInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The compute instances read model, scoped by owner at every query, and the measured create-to-running
 * times per template (kept after an instance goes, so estimates learn from every instance).
 */
@Component
@ProcessingGroup(InstanceProjection.GROUP)
public class InstanceProjection {

    public static final String GROUP = "compute-instances-projection";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;

    public InstanceProjection(MongoTemplate mongo, QueryUpdateEmitter updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(InstanceRequested e) {
        changed(mongo.save(new InstanceDocument(e.instanceId(), e.ownerId(), e.name(), InstanceStatus.CREATING,
                "Instance creation initiated", e.region(), e.instanceType(), e.productName(), e.templateId(), e.gpuNum(),
                e.gpuAttached(), e.gpuNote(), e.rootfsSize(), e.image(), e.nanoCpus() / 1_000_000_000d, e.memoryBytes(),
                List.of(), null, e.containerName(), e.webhookUrl(), e.at(), e.at(), null, null, e.autoStopAfterSeconds())));
    }

    @EventHandler
    void on(InstanceProvisioned e) {
        InstanceDocument doc = mongo.findById(e.instanceId(), InstanceDocument.class);
        if (doc != null) {
            mongo.save(new ReadyTimeDocument(e.instanceId(), doc.templateId(),
                    Math.max(0, Duration.between(doc.createdAt(), e.at()).toMillis())));
        }
        status(e.instanceId(), InstanceStatus.RUNNING, "Instance is running; its health check passed", e.at(),
                new Update().set("containerId", e.containerId()).set("ports", e.ports()).set("readyAt", e.at()));
    }

    @EventHandler
    void on(InstanceProvisioningFailed e) {
        status(e.instanceId(), InstanceStatus.FAILED, e.reason(), e.at(), new Update());
    }

    @EventHandler
    void on(InstanceStopRequested e) {
        status(e.instanceId(), InstanceStatus.STOPPING, "Instance stop initiated", e.at(),
                new Update().set("webhookUrl", e.webhookUrl()));
    }

    @EventHandler
    void on(InstanceAutoStopRequested e, @MessageIdentifier String eventId) {
        status(e.instanceId(), InstanceStatus.STOPPING, e.reason(), e.at(), new Update());
        // Counted once per event: after a crash the read store can hold a batch whose token was not
        // stored, and the batch is handled again. The owner's recent counted events tell.
        try {
            mongo.upsert(Query.query(where("_id").is(e.ownerId()).and("counted").ne(eventId)),
                    new Update().inc("stopped", 1).push("counted").slice(-AutoStopTallyDocument.COUNTED_KEPT).each(eventId),
                    AutoStopTallyDocument.class);
        } catch (DuplicateKeyException alreadyCounted) {
            // the owner's tally is there and lists this event: nothing to add
        }
    }

    @EventHandler
    void on(InstanceUsed e) {
        update(byId(e.instanceId()), new Update().set("lastUsedAt", e.lastUsedAt()).set("updatedAt", e.at()));
    }

    @EventHandler
    void on(AutoStopCheckCompleted e) {
        mongo.save(new AutoStopRunDocument(e.runId(), e.ownerId(), e.requestedBy(), e.dryRun(), e.at(), e.candidates(),
                e.stopped()));
    }

    @EventHandler
    void on(InstanceStopped e) {
        status(e.instanceId(), InstanceStatus.STOPPED, "Instance stopped", e.at(), new Update().set("ports", List.of()));
    }

    @EventHandler
    void on(InstanceStartRequested e) {
        status(e.instanceId(), InstanceStatus.STARTING, "Instance start initiated", e.at(),
                new Update().set("webhookUrl", e.webhookUrl()));
    }

    @EventHandler
    void on(InstanceStarted e) {
        status(e.instanceId(), InstanceStatus.RUNNING, "Instance is running; its health check passed", e.at(),
                new Update().set("containerId", e.containerId()).set("ports", e.ports()).set("readyAt", e.at()));
    }

    @EventHandler
    void on(InstanceStartFailed e) {
        status(e.instanceId(), InstanceStatus.FAILED, e.reason(), e.at(), new Update());
    }

    @EventHandler
    void on(InstanceContainerExited e) {
        status(e.instanceId(), InstanceStatus.FAILED, e.reason(), e.at(), new Update().set("ports", List.of()));
    }

    /** Only while still creating or starting: a late line never overwrites a newer status's message. */
    @EventHandler
    void on(InstanceProgressed e) {
        update(Query.query(where("_id").is(e.instanceId()).and("status").in(InstanceStatus.CREATING,
                InstanceStatus.STARTING)), new Update().set("statusMessage", e.message()).set("updatedAt", e.at()));
    }

    @EventHandler
    void on(InstanceRenamed e) {
        update(byId(e.instanceId()), new Update().set("name", e.name()).set("updatedAt", e.at()));
    }

    @EventHandler
    void on(InstanceDeletionRequested e) {
        status(e.instanceId(), InstanceStatus.DELETING, "Instance deletion initiated", e.at(), new Update());
    }

    @EventHandler
    void on(InstanceDeleted e) {
        mongo.remove(byId(e.instanceId()), InstanceDocument.class);
        updates.emit(WatchInstance.class, watching(e.instanceId(), e.ownerId()), InstanceState.gone(e.instanceId()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(InstanceDocument.class);
        mongo.dropCollection(ReadyTimeDocument.class);
        mongo.dropCollection(AutoStopTallyDocument.class);
        mongo.dropCollection(AutoStopRunDocument.class);
    }

    /**
     * Running instances are watched; each is due at its last use (or when it came up, whichever is
     * later) plus its threshold. The last run is the latest the caller could have started: an owner's
     * own, or for every owner (null) any.
     */
    @QueryHandler
    public AutoStopStats handle(FindAutoStopStats query) {
        Criteria running = where("status").is(InstanceStatus.RUNNING);
        if (query.ownerId() != null) {
            running = running.and("ownerId").is(query.ownerId());
        }
        List<InstanceDocument> watched = mongo.find(Query.query(running), InstanceDocument.class);
        Instant nextDue = null;
        String nextDueId = null;
        for (InstanceDocument d : watched) {
            Instant since = d.readyAt();
            if (d.lastUsedAt() != null && (since == null || d.lastUsedAt().isAfter(since))) {
                since = d.lastUsedAt();
            }
            if (since == null) {
                continue;
            }
            Instant due = since.plus(d.autoStopAfterSeconds() != null ? Duration.ofSeconds(d.autoStopAfterSeconds())
                    : query.defaultThreshold());
            if (nextDue == null || due.isBefore(nextDue)) {
                nextDue = due;
                nextDueId = d.id();
            }
        }
        Query tallies = query.ownerId() == null ? new Query() : Query.query(where("_id").is(query.ownerId()));
        long stopped = mongo.find(tallies, AutoStopTallyDocument.class).stream().mapToLong(AutoStopTallyDocument::stopped)
                .sum();
        Query runs = (query.ownerId() == null ? new Query() : Query.query(where("ownerId").is(query.ownerId())))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(1);
        AutoStopRunDocument last = mongo.findOne(runs, AutoStopRunDocument.class);
        return new AutoStopStats(watched.size(), stopped, nextDue, nextDueId, last == null ? null
                : new AutoStopStats.Run(last.id(), last.dryRun(), last.at(), last.candidates(), last.stopped()));
    }

    @QueryHandler
    public Optional<InstanceView> handle(FindInstance query) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(query.instanceId())
                .and("ownerId").is(query.ownerId())), InstanceDocument.class)).map(InstanceDocument::toView);
    }

    @QueryHandler
    public Optional<InstanceView> handle(FindInstanceByName query) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("name").is(query.name())
                .and("ownerId").is(query.ownerId())), InstanceDocument.class)).map(InstanceDocument::toView);
    }

    @QueryHandler
    public InstanceState handle(WatchInstance query) {
        return new InstanceState(query.instanceId(), handle(new FindInstance(query.ownerId(), query.instanceId()))
                .orElse(null));
    }

    @QueryHandler
    public InstanceList handle(ListInstances query) {
        return new InstanceList(mongo.find(Query.query(where("ownerId").is(query.ownerId()))
                .with(Sort.by("createdAt", "id")), InstanceDocument.class).stream().map(InstanceDocument::toView).toList());
    }

    @QueryHandler
    public InstanceList handle(ListInstancesExpectedRunning query) {
        return new InstanceList(mongo.find(Query.query(where("status").is(InstanceStatus.RUNNING)),
                InstanceDocument.class).stream().map(InstanceDocument::toView).toList());
    }

    /** The average of the template's measured create-to-running times; null when none was measured yet. */
    @QueryHandler
    public ReadyTimeEstimate handle(EstimateReadyTime query) {
        List<ReadyTimeDocument> samples = mongo.find(Query.query(where("templateId").is(query.templateId())),
                ReadyTimeDocument.class);
        if (samples.isEmpty()) {
            return new ReadyTimeEstimate(null, 0);
        }
        long average = (long) samples.stream().mapToLong(ReadyTimeDocument::millis).average().orElse(0);
        return new ReadyTimeEstimate(average, samples.size());
    }

    private void status(String id, InstanceStatus status, String message, Instant at, Update update) {
        update(byId(id), update.set("status", status).set("statusMessage", message).set("updatedAt", at));
    }

    private void update(Query query, Update update) {
        InstanceDocument written = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                InstanceDocument.class);
        if (written != null) {
            changed(written);
        }
    }

    /** Emitted after the event's unit of work commits: a watcher never sees a state the read model lacks. */
    private void changed(InstanceDocument written) {
        updates.emit(WatchInstance.class, watching(written.id(), written.ownerId()),
                new InstanceState(written.id(), written.toView()));
    }

    private static Predicate<WatchInstance> watching(String instanceId, String ownerId) {
        return q -> q.instanceId().equals(instanceId) && q.ownerId().equals(ownerId);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
