package dev.hangar.command.claim;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One unique name (an email, a username, a tenant slug) and who holds it. Its stream starts at
 * sequence 0, and the event store's unique (aggregate id, sequence) index refuses a second start:
 * two registrations racing for one name cannot both commit, on one node or many.
 */
@Aggregate
public class UniqueClaim {

    @AggregateIdentifier
    private String claimId;
    private String ownerId;

    protected UniqueClaim() {
    }

    /** A name nobody holds yet; {@link #take} starts its stream. */
    UniqueClaim(String claimId) {
        this.claimId = claimId;
    }

    boolean isHeldByOtherThan(String candidate) {
        return ownerId != null && !ownerId.equals(candidate);
    }

    String ownerId() {
        return ownerId;
    }

    void take(String owner) {
        if (ownerId == null) {
            apply(new ClaimTaken(claimId, owner, GenericEventMessage.clock.instant()));
        }
    }

    void release(String owner) {
        if (owner.equals(ownerId)) {
            apply(new ClaimReleased(claimId, owner, GenericEventMessage.clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(ClaimTaken event) {
        claimId = event.claimId();
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(ClaimReleased event) {
        ownerId = null;
    }
}
