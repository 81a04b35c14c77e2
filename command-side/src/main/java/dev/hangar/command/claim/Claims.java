package dev.hangar.command.claim;

import java.util.Optional;
import java.util.function.IntFunction;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Takes and releases unique names inside the current unit of work; all commit or none. */
@Component
public class Claims {

    public enum Kind { EMAIL, USERNAME, TENANT, PORT, INSTANCE_NAME, COMPUTE_INSTANCE_NAME }

    private final Repository<UniqueClaim> repository;

    public Claims(Repository<UniqueClaim> repository) {
        this.repository = repository;
    }

    /** Axon's aggregate identifier column holds 255 characters. */
    static final int MAX_ID_LENGTH = 255;

    /**
     * The claim's aggregate id: {@code kind:value}, as it always was, while that fits the event store's
     * identifier column; a longer value (a 254-character email, say) is claimed by its SHA-256 instead.
     */
    static String id(Kind kind, String value) {
        String plain = kind.name().toLowerCase() + ":" + value;
        if (plain.length() <= MAX_ID_LENGTH) {
            return plain;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return kind.name().toLowerCase() + ":sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> ownerOf(Kind kind, String value) {
        return find(id(kind, value)).map(a -> a.invoke(UniqueClaim::ownerId));
    }

    /** @return false when another owner holds the name */
    public boolean take(Kind kind, String value, String owner) {
        String claimId = id(kind, value);
        // Load-or-create holds the name's lock from the lookup until this unit of work ends, so a
        // racing take on this node waits and then sees the winner. (Loading, failing and then
        // creating would release the lock in between and let both racers "create" the claim.)
        Aggregate<UniqueClaim> claim = loadOrCreate(claimId);
        if (claim.invoke(c -> c.isHeldByOtherThan(owner))) {
            return false;
        }
        claim.execute(c -> c.take(owner));
        return true;
    }

    /** Takes the first free of candidate(1), candidate(2), ... and returns it. */
    public String takeFirstFree(Kind kind, IntFunction<String> candidate, String owner) {
        for (int n = 1; ; n++) {
            String value = candidate.apply(n);
            if (take(kind, value, owner)) {
                return value;
            }
        }
    }

    public void release(Kind kind, String value, String owner) {
        find(id(kind, value)).ifPresent(a -> a.execute(c -> c.release(owner)));
    }

    private Optional<Aggregate<UniqueClaim>> find(String claimId) {
        try {
            return Optional.of(repository.load(claimId));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    private Aggregate<UniqueClaim> loadOrCreate(String claimId) {
        try {
            return repository.loadOrCreate(claimId, () -> new UniqueClaim(claimId));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load or create claim " + claimId, e);
        }
    }
}
