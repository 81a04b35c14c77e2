package dev.hangar.api.consistency;

import dev.hangar.api.config.HangarProperties;
import java.time.Duration;
import dev.hangar.query.config.ProjectionConfiguration;
import dev.hangar.saga.onboarding.OnboardingPolicy;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a write visible to the writer's next read: after a command commits, waits until the
 * projections and policies have handled every event up to the store's head (and then once more, for the
 * commands those processors sent in turn). Bounded by a timeout, so a stuck projection slows a
 * write down but never hangs it.
 */
@Component
public class ReadYourWrites {

    /**
     * Not the provisioning saga: it holds a thread for as long as a container takes, and
     * container work is awaited on the instance's own status instead.
     */
    private static final List<String> PROJECTIONS_AND_POLICIES = Stream.concat(
            ProjectionConfiguration.PROJECTIONS.stream(), Stream.of(OnboardingPolicy.GROUP)).toList();

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Duration timeout;

    public ReadYourWrites(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                          HangarProperties properties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.timeout = properties.consistency().readYourWritesTimeout();
    }

    /** After a write: the projections and the policies the write sets off, and their projected results. */
    public void await() {
        long deadline = System.nanoTime() + timeout.toNanos();
        TrackingToken head = eventStore.createHeadToken();
        if (head == null || !awaitAll(head, deadline, PROJECTIONS_AND_POLICIES, false)) {
            return;
        }
        TrackingToken after = eventStore.createHeadToken();
        if (!head.equals(after)) {
            awaitAll(after, deadline, ProjectionConfiguration.PROJECTIONS, false);
        }
    }

    /** The read models only; for writes whose follow-up (container work) is awaited on its own. */
    public void awaitProjections() {
        TrackingToken head = eventStore.createHeadToken();
        if (head != null) {
            awaitAll(head, System.nanoTime() + timeout.toNanos(), ProjectionConfiguration.PROJECTIONS, false);
        }
    }

    /**
     * At start-up: every projection has claimed its segments on this node and reached the store's
     * head, within {@code limit}.
     */
    public boolean awaitProjectionsAtStartup(Duration limit) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null
                || awaitAll(head, System.nanoTime() + limit.toNanos(), ProjectionConfiguration.PROJECTIONS, true);
    }

    private boolean awaitAll(TrackingToken head, long deadline, List<String> names, boolean mustOwnSegments) {
        Collection<StreamingEventProcessor> processors = names.stream().map(processing::eventProcessor)
                .flatMap(Optional::stream).filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
        while (!processors.stream().allMatch(p -> reached(p, head, mustOwnSegments))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean reached(StreamingEventProcessor processor, TrackingToken head, boolean mustOwnSegments) {
        if (!processor.isRunning()) {
            return true; // stopped: nothing will move
        }
        if (processor.processingStatus().isEmpty()) {
            // no segment claimed here: at start-up, not yet; later, another node holds them
            return !mustOwnSegments;
        }
        return processor.processingStatus().values().stream().allMatch(status -> reached(status, head));
    }

    private boolean reached(EventTrackerStatus status, TrackingToken head) {
        if (status.isErrorState()) {
            return true;
        }
        TrackingToken token = WrappedToken.unwrapUpperBound(status.getTrackingToken());
        if (token == null) {
            return false;
        }
        if (token instanceof GapAwareTrackingToken seen && head instanceof GapAwareTrackingToken target) {
            if (seen.getIndex() < target.getIndex()) {
                return false;
            }
            // A gap is either a transaction still in flight or an insert that rolled back and
            // never will appear; only a gap that is now a committed event is still to be handled.
            SortedSet<Long> gaps = seen.getGaps().headSet(target.getIndex() + 1);
            return gaps.isEmpty() || noneCommitted(gaps);
        }
        return token.covers(head);
    }

    private boolean noneCommitted(SortedSet<Long> gaps) {
        String in = gaps.stream().map(String::valueOf).collect(Collectors.joining(","));
        Integer count = jdbc.queryForObject("select count(*) from domainevententry where globalindex in (" + in + ")",
                Integer.class);
        return count == null || count == 0;
    }
}
