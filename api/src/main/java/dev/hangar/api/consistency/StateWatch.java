package dev.hangar.api.consistency;

import dev.hangar.kernel.common.HangarException;
import java.time.Duration;
import java.util.function.Predicate;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Waits for a projected state: container work answers only once it has happened. A subscription
 * query whose initial result is the state now (so a change that happened before the subscription
 * counts) and whose updates are every state written after it; the request thread waits for an
 * update (no polling), up to the timeout. Updates are emitted on the node whose projection wrote
 * the change; so that a request on another node (several nodes on one MongoDB) still ends, the
 * state is also read again every {@link #RECHECK}.
 */
public final class StateWatch {

    /** A safety net for updates emitted on another node; on one node they always arrive first. */
    static final Duration RECHECK = Duration.ofSeconds(2);

    private StateWatch() {
    }

    /**
     * @param watch   the subscription query; it also answers the re-reads
     * @param subject what is waited for, named in the 503 when the timeout passes ("container", "instance")
     * @return the first state {@code done} accepts
     */
    public static <S> S await(QueryGateway queries, Object watch, Class<S> stateType, Predicate<S> done,
                              Duration timeout, String subject) {
        SubscriptionQueryResult<S, S> states = queries.subscriptionQuery(watch, stateType, stateType);
        try {
            Flux<S> elsewhere = Flux.interval(RECHECK, RECHECK).onBackpressureDrop()
                    .concatMap(tick -> Mono.fromFuture(() -> queries.query(watch, stateType)));
            return Flux.merge(states.initialResult().concatWith(states.updates()), elsewhere)
                    .filter(done)
                    .next()
                    .timeout(timeout, Mono.error(() -> HangarException.containerRuntime(
                            "The " + subject + " did not reach the expected state in " + timeout.toSeconds() + " s")))
                    .blockOptional()
                    .orElseThrow();
        } finally {
            states.cancel();
        }
    }
}
