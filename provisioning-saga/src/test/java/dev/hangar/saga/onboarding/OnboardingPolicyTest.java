package dev.hangar.saga.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.kernel.subscription.CreateSubscription;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.SubscriptionIds;
import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UserRegistered;
import dev.hangar.kernel.user.UserType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnboardingPolicyTest {

    /** The command side as the policy sees it: a real annotated handler that records what it got. */
    public static class SubscriptionDesk {
        final List<CreateSubscription> received = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @CommandHandler
        public void handle(CreateSubscription command) {
            received.add(command);
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("subscription store unavailable");
            }
        }
    }

    private SubscriptionDesk desk;
    private SimpleCommandBus bus;
    private OnboardingPolicy policy;

    @BeforeEach
    void setUp() {
        desk = new SubscriptionDesk();
        bus = SimpleCommandBus.builder().build();
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        policy = new OnboardingPolicy(gateway);
    }

    private static UserRegistered registered(String userId) {
        return new UserRegistered(userId, "name-" + userId, userId + "@example.com", "hash", null, null, null,
                UserType.INDIVIDUAL, Role.USER, "tenant-" + userId, "url-" + userId, Instant.EPOCH);
    }

    @Test
    void aRegisteredUserGetsAFreeSubscriptionKeyedByTheUser() {
        new AnnotationCommandHandlerAdapter<>(desk).subscribe(bus);

        policy.on(registered("u1"));

        assertThat(desk.received).containsExactly(new CreateSubscription("subscription-u1", "u1", Plan.FREE));
        assertThat(desk.received.get(0).subscriptionId()).isEqualTo(SubscriptionIds.forUser("u1"));
    }

    @Test
    void aRedeliveredEventSendsTheSameCommandAgain() {
        new AnnotationCommandHandlerAdapter<>(desk).subscribe(bus);

        policy.on(registered("u1"));
        policy.on(registered("u1"));
        policy.on(registered("u2"));

        // The same id both times: the subscription aggregate's CREATE_IF_MISSING makes the second a no-op.
        assertThat(desk.received).containsExactly(
                new CreateSubscription(SubscriptionIds.forUser("u1"), "u1", Plan.FREE),
                new CreateSubscription(SubscriptionIds.forUser("u1"), "u1", Plan.FREE),
                new CreateSubscription(SubscriptionIds.forUser("u2"), "u2", Plan.FREE));
    }

    @Test
    void aFailingCommandSurfacesFromTheHandler() {
        new AnnotationCommandHandlerAdapter<>(desk).subscribe(bus);
        desk.failuresLeft.set(1);

        assertThatThrownBy(() -> policy.on(registered("u1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("subscription store unavailable");
        assertThat(desk.received).hasSize(1);

        policy.on(registered("u1"));
        assertThat(desk.received).hasSize(2);
    }

    @Test
    void aMissingCommandHandlerSurfacesFromTheHandler() {
        assertThatThrownBy(() -> policy.on(registered("u1"))).isInstanceOf(NoHandlerForCommandException.class);
    }

    /**
     * The promise in {@link OnboardingPolicy}'s contract, end to end: a real streaming processor over a real event
     * store, with the module's own configuration applied. While the command fails, the event is retried (delivered
     * again and again, never skipped); once it succeeds, the processor moves on.
     */
    @Test
    void theProcessorRetriesAFailedEventAndDoesNotSkipIt() throws Exception {
        desk.failuresLeft.set(Integer.MAX_VALUE);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerCommandHandler(c -> desk);
        configurer.eventProcessing(processing ->
                processing.registerEventHandler(c -> new OnboardingPolicy(c.commandGateway())));
        new OnboardingConfiguration().onboardingErrorHandling().configureModule(configurer);
        Configuration config = configurer.start();
        try {
            StreamingEventProcessor processor = config.eventProcessingConfiguration()
                    .eventProcessor(OnboardingPolicy.GROUP, StreamingEventProcessor.class).orElseThrow();

            config.eventStore().publish(GenericEventMessage.asEventMessage(registered("u1")));

            // delivered again and again (a skipping handler would deliver it once)
            await(() -> desk.received.size() >= 3, "the failed event to be delivered again");
            assertThat(desk.received).allMatch(c -> c.userId().equals("u1"));

            desk.failuresLeft.set(0);
            await(() -> position(processor).orElse(-1) == 0, "the processor to pass the first event");

            // at least once: once the first event succeeds, the processor moves on to the next
            config.eventStore().publish(GenericEventMessage.asEventMessage(registered("u2")));
            await(() -> position(processor).orElse(-1) == 1, "the processor to pass the second event");
            assertThat(desk.received).filteredOn(c -> c.userId().equals("u2")).isNotEmpty();
        } finally {
            config.shutdown();
        }
    }

    private static OptionalLong position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .reduce(Math::min)
                .stream().mapToObj(OptionalLong::of).findFirst().orElse(OptionalLong.empty());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
