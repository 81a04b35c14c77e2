package dev.hangar.command.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.command.claim.ClaimReleased;
import dev.hangar.command.claim.ClaimTaken;
import dev.hangar.command.claim.Claims;
import dev.hangar.command.claim.UniqueClaim;
import dev.hangar.command.subscription.SubscriptionAggregate;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.CompleteDatabaseDeletion;
import dev.hangar.kernel.database.CreateDatabase;
import dev.hangar.kernel.database.DatabaseCreated;
import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabaseDeletionRequested;
import dev.hangar.kernel.database.DatabaseProvisioningFailed;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.DeleteDatabase;
import dev.hangar.kernel.database.FailDatabase;
import dev.hangar.kernel.database.MarkDatabaseRunning;
import dev.hangar.kernel.database.RotateDatabasePassword;
import dev.hangar.kernel.database.RotatedPassword;
import dev.hangar.kernel.subscription.ChangePlan;
import dev.hangar.kernel.subscription.CreateSubscription;
import dev.hangar.kernel.subscription.InstanceSlotReleased;
import dev.hangar.kernel.subscription.InstanceSlotReserved;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.PlanLimitReached;
import dev.hangar.kernel.subscription.SubscriptionCreated;
import dev.hangar.kernel.subscription.SubscriptionIds;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database handler over a real Axon configuration (command bus, repositories, in-memory event
 * store, claims, subscriptions) with a real port allocator probing this host's ports.
 */
class DatabaseCommandHandlerTest {

    private static final SecretBox SECRETS = new SecretBox(new byte[32]);

    private InMemoryEventStorageEngine engine;
    private Configuration config;
    private CommandGateway gateway;
    private final List<ServerSocket> held = new ArrayList<>();

    private volatile EngineAvailability.Verdict availability = EngineAvailability.Verdict.AVAILABLE;

    /** Starts Hangar's command side handing out ports {@code first..last}. */
    private void start(int first, int last) {
        engine = new InMemoryEventStorageEngine();
        config = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(InstanceAggregate.class)
                .configureAggregate(SubscriptionAggregate.class)
                .configureAggregate(UniqueClaim.class)
                // Components of the configuration are injectable into (aggregate) handler parameters.
                .registerComponent(SecretBox.class, c -> SECRETS)
                .registerCommandHandler(c -> new DatabaseCommandHandler(c.repository(InstanceAggregate.class),
                        c.repository(SubscriptionAggregate.class),
                        new PortAllocator(new Claims(c.repository(UniqueClaim.class)), HostPorts.local(),
                                new PortRange(first, last)),
                        SECRETS, engine -> availability))
                .start();
        gateway = config.commandGateway();
    }

    /** A range of {@code size} ports, all free on this host right now, away from the ephemeral ones. */
    private void startWithFreshRange(int size) {
        int first = freeRun(size);
        start(first, first + size - 1);
    }

    @AfterEach
    void stop() {
        for (ServerSocket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
        if (config != null) {
            config.shutdown();
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    private static int freeRun(int size) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20000, 30000 - size);
            boolean allFree = true;
            for (int p = first; p < first + size && allFree; p++) {
                allFree = HostPorts.local().isFree(p);
            }
            if (allFree) {
                return first;
            }
        }
        throw new IllegalStateException("no run of " + size + " free ports");
    }

    /** Holds the port on every interface, as another process on the host would. */
    private void occupy(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress("0.0.0.0", port));
        held.add(socket);
    }

    private DatabaseCreated create(String instanceId, String ownerId, String databaseName) {
        return gateway.sendAndWait(new CreateDatabase(instanceId, ownerId, "postgresql", databaseName, "localhost"));
    }

    private DatabaseCreated create(String instanceId, String ownerId) {
        return create(instanceId, ownerId, null);
    }

    private void changePlan(String userId, Plan plan) {
        String subscriptionId = SubscriptionIds.forUser(userId);
        gateway.sendAndWait(new CreateSubscription(subscriptionId, userId, Plan.FREE));
        gateway.sendAndWait(new ChangePlan(subscriptionId, plan));
    }

    private List<Object> eventsOf(String aggregateId) {
        return config.eventStore().readEvents(aggregateId).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    private List<Object> allEvents() {
        return engine.readEvents(null, false).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private <T> List<T> allEvents(Class<T> type) {
        return allEvents().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<Object> portClaim(int port) {
        return eventsOf("port:" + port);
    }

    private boolean portHeld(int port) {
        List<Object> claim = portClaim(port);
        return !claim.isEmpty() && claim.get(claim.size() - 1) instanceof ClaimTaken;
    }

    private static HangarException refusal(Runnable action) {
        try {
            action.run();
        } catch (HangarException e) {
            return e;
        }
        throw new AssertionError("expected a HangarException");
    }

    private static void assertValidation(HangarException e) {
        assertThat(e.kind()).isEqualTo(HangarException.Kind.VALIDATION);
        assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
    }

    // --- CreateDatabase ---------------------------------------------------------------------

    @Test
    void createDatabaseAnswersEverythingTheUserNeeds() {
        int first = freeRun(20);
        start(first, first + 19);

        DatabaseCreated created = create("i1", "u1");

        assertThat(created.instanceId()).isEqualTo("i1");
        assertThat(created.engine()).isEqualTo("PostgreSQL");
        assertThat(created.host()).isEqualTo("localhost");
        assertThat(created.port()).isBetween(first, first + 19);
        assertThat(created.databaseName()).matches("db_[0-9a-f]{8}");
        assertThat(created.username()).matches("user_[0-9a-f]{8}");
        assertThat(created.password()).hasSize(20);
        assertThat(created.createdAt()).isNotNull();
        assertThat(created.toString()).doesNotContain(created.password());

        assertThat(eventsOf("i1")).singleElement().isInstanceOfSatisfying(DatabaseRequested.class, e -> {
            assertThat(e.instanceId()).isEqualTo("i1");
            assertThat(e.ownerId()).isEqualTo("u1");
            assertThat(e.engine()).isEqualTo("postgresql");
            assertThat(e.engineVersion()).isEqualTo("14");
            assertThat(e.databaseName()).isEqualTo(created.databaseName());
            assertThat(e.username()).isEqualTo(created.username());
            assertThat(e.port()).isEqualTo(created.port());
            assertThat(e.host()).isEqualTo("localhost");
            assertThat(e.containerName()).isEqualTo("hangar-db-i1");
            assertThat(e.volumeName()).isEqualTo("hangar-db-i1-data");
            assertThat(e.plan()).isEqualTo("FREE");
            assertThat(e.memoryBytes()).isEqualTo(Plan.FREE.memoryBytes());
            assertThat(e.nanoCpus()).isEqualTo(Plan.FREE.nanoCpus());
            assertThat(e.requestedAt()).isEqualTo(created.createdAt());
            assertThat(SECRETS.decrypt(e.passwordCiphertext())).isEqualTo(created.password());
        });
        assertThat(portClaim(created.port())).singleElement().isInstanceOfSatisfying(ClaimTaken.class,
                c -> assertThat(c.ownerId()).isEqualTo("i1"));
    }

    @Test
    void thePasswordIsInNoStoredEvent() throws Exception {
        startWithFreshRange(20);

        DatabaseCreated created = create("i1", "u1");
        String password = created.password();

        Serializer serializer = config.eventSerializer();
        List<? extends EventMessage<?>> stored = engine.readEvents(null, false).toList();
        assertThat(stored).isNotEmpty();
        for (EventMessage<?> message : stored) {
            Object payload = message.getPayload();
            assertThat(payload.toString()).doesNotContain(password);
            assertThat(serializer.serialize(payload, String.class).getData()).doesNotContain(password);
            assertThat(message.getMetaData().toString()).doesNotContain(password);
            if (payload.getClass().isRecord()) {
                for (RecordComponent component : payload.getClass().getRecordComponents()) {
                    assertThat(String.valueOf(component.getAccessor().invoke(payload)))
                            .as("%s.%s", payload.getClass().getSimpleName(), component.getName())
                            .doesNotContain(password);
                }
            }
        }
    }

    @Test
    void theEngineImposesItsUsername() {
        startWithFreshRange(20);

        DatabaseCreated created = gateway.sendAndWait(new CreateDatabase("i1", "u1", "Redis", null, "localhost"));

        assertThat(created.username()).isEqualTo("default");
        assertThat(((DatabaseRequested) eventsOf("i1").get(0)).username()).isEqualTo("default");
    }

    @Test
    void theEngineIsResolvedByAliasAndEventsCarryItsKey() {
        startWithFreshRange(20);

        DatabaseCreated created = gateway.sendAndWait(new CreateDatabase("i1", "u1", "postgres", null, "localhost"));

        assertThat(created.engine()).isEqualTo("PostgreSQL");
        DatabaseRequested requested = (DatabaseRequested) eventsOf("i1").get(0);
        assertThat(requested.engine()).isEqualTo("postgresql");
        assertThat(requested.engineVersion()).isEqualTo("14");
        assertThat(requested.username()).startsWith("user_");
    }

    @Test
    void anUnknownEngineIsRefusedAndNothingIsReserved() {
        startWithFreshRange(20);

        assertThatThrownBy(() -> gateway.sendAndWait(new CreateDatabase("i1", "u1", "oracle", null, "localhost")))
                .isInstanceOfSatisfying(HangarException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
                    assertThat(e.getMessage()).isEqualTo("Unknown engine oracle");
                });
        assertThat(eventsOf("i1")).isEmpty();
        assertThat(eventsOf(SubscriptionIds.forUser("u1"))).isEmpty();
    }

    @Test
    void anEngineTheHostCannotRunIsRefusedBeforeAnythingIsReserved() {
        startWithFreshRange(20);

        availability = EngineAvailability.Verdict.IMAGE_UNAVAILABLE;
        assertThatThrownBy(() -> create("i1", "u1")).isInstanceOfSatisfying(HangarException.class,
                e -> assertThat(e.code()).isEqualTo("ENGINE_UNAVAILABLE"));
        availability = EngineAvailability.Verdict.RUNTIME_UNREACHABLE;
        assertThatThrownBy(() -> create("i1", "u1")).isInstanceOfSatisfying(HangarException.class, e -> {
            assertThat(e.code()).isEqualTo("DOCKER_ERROR");
            assertThat(e.kind()).isEqualTo(HangarException.Kind.CONTAINER_RUNTIME);
        });
        assertThat(eventsOf("i1")).isEmpty();
        assertThat(eventsOf(SubscriptionIds.forUser("u1"))).isEmpty();
    }

    @Test
    void aSubscriptionNotCreatedYetIsCreatedOnFree() {
        startWithFreshRange(20);

        create("i1", "u1");

        String subscriptionId = SubscriptionIds.forUser("u1");
        List<Object> subscription = eventsOf(subscriptionId);
        assertThat(subscription).hasSize(2);
        assertThat(subscription.get(0)).isInstanceOfSatisfying(SubscriptionCreated.class, e -> {
            assertThat(e.userId()).isEqualTo("u1");
            assertThat(e.plan()).isEqualTo(Plan.FREE);
        });
        assertThat(subscription.get(1)).isInstanceOfSatisfying(InstanceSlotReserved.class,
                e -> assertThat(e.instanceId()).isEqualTo("i1"));
    }

    @Test
    void anExistingSubscriptionKeepsItsPlan() {
        startWithFreshRange(20);
        changePlan("u1", Plan.PREMIUM);

        create("i1", "u1", "orders");

        assertThat(((DatabaseRequested) eventsOf("i1").get(0)).plan()).isEqualTo("PREMIUM");
        assertThat(((DatabaseRequested) eventsOf("i1").get(0)).memoryBytes()).isEqualTo(Plan.PREMIUM.memoryBytes());
        assertThat(eventsOf(SubscriptionIds.forUser("u1"))).filteredOn(SubscriptionCreated.class::isInstance)
                .hasSize(1);
    }

    @Test
    void theThirdDatabaseOnFreeIsRefusedAndLeavesNothing() {
        startWithFreshRange(20);
        create("i1", "u1");
        create("i2", "u1");
        long eventsBefore = allEvents().size();

        HangarException refused = refusal(() -> create("i3", "u1"));

        assertThat(refused).isInstanceOf(PlanLimitReached.class);
        assertThat(refused.code()).isEqualTo("PLAN_LIMIT_REACHED");
        assertThat(refused.kind()).isEqualTo(HangarException.Kind.PLAN_LIMIT);
        assertThat(allEvents()).hasSize((int) eventsBefore);
        assertThat(eventsOf("i3")).isEmpty();
        assertThat(allEvents(ClaimTaken.class)).hasSize(2).noneMatch(c -> c.ownerId().equals("i3"));
        assertThat(allEvents(DatabaseRequested.class)).extracting(DatabaseRequested::instanceId)
                .containsExactly("i1", "i2");
    }

    @Test
    void aMissingNameOnStandardIsRefusedAndHoldsNoSlot() {
        startWithFreshRange(20);
        changePlan("u1", Plan.STANDARD);
        long eventsBefore = allEvents().size();

        assertValidation(refusal(() -> create("i1", "u1", null)));

        assertThat(allEvents()).hasSize((int) eventsBefore);
        assertThat(allEvents(InstanceSlotReserved.class)).isEmpty();
        assertThat(allEvents(ClaimTaken.class)).isEmpty();
        // all five slots of STANDARD are still there
        for (int i = 1; i <= 5; i++) {
            create("named-" + i, "u1", "orders_" + i);
        }
        assertThat(refusal(() -> create("named-6", "u1", "orders_6"))).isInstanceOf(PlanLimitReached.class);
    }

    @Test
    void aNameIsKeptOnStandard() {
        startWithFreshRange(20);
        changePlan("u1", Plan.STANDARD);

        assertThat(create("i1", "u1", "Orders_2024").databaseName()).isEqualTo("Orders_2024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1orders", "_orders", "orders-2024", "orders 2024", "orders;drop", "été",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void anInvalidNameIsRefusedAndLeavesNothing(String name) {
        startWithFreshRange(20);
        changePlan("u1", Plan.STANDARD);
        long eventsBefore = allEvents().size();

        assertValidation(refusal(() -> create("i1", "u1", name)));

        assertThat(allEvents()).hasSize((int) eventsBefore);
    }

    @Test
    void aNameOf63CharactersIsAccepted() {
        startWithFreshRange(20);
        changePlan("u1", Plan.STANDARD);
        String name = "a" + "1".repeat(62);

        assertThat(create("i1", "u1", name).databaseName()).isEqualTo(name);
    }

    // --- FailDatabase / CompleteDatabaseDeletion --------------------------------------------

    @Test
    void failDatabaseReleasesTheSlotAndThePort() {
        int first = freeRun(2);
        start(first, first + 1);
        int failedPort = create("i1", "u1").port();
        int otherPort = create("i2", "u1").port();
        assertThat(Set.of(failedPort, otherPort)).containsExactlyInAnyOrder(first, first + 1);
        assertThat(refusal(() -> create("i3", "u1"))).isInstanceOf(PlanLimitReached.class);

        gateway.sendAndWait(new FailDatabase("i1", "image missing"));

        assertThat(eventsOf("i1")).last().isInstanceOfSatisfying(DatabaseProvisioningFailed.class, e -> {
            assertThat(e.reason()).isEqualTo("image missing");
            assertThat(e.port()).isEqualTo(failedPort);
            assertThat(e.ownerId()).isEqualTo("u1");
        });
        assertThat(portClaim(failedPort)).last().isInstanceOfSatisfying(ClaimReleased.class,
                c -> assertThat(c.ownerId()).isEqualTo("i1"));
        assertThat(portHeld(otherPort)).isTrue();
        assertThat(eventsOf(SubscriptionIds.forUser("u1"))).last().isInstanceOfSatisfying(InstanceSlotReleased.class,
                e -> assertThat(e.instanceId()).isEqualTo("i1"));
        // the slot and the only free port go to the next database
        assertThat(create("i3", "u1").port()).isEqualTo(failedPort);
        assertThat(portHeld(failedPort)).isTrue();
    }

    @Test
    void failDatabaseTwiceReleasesOnce() {
        startWithFreshRange(4);
        create("i1", "u1");
        gateway.sendAndWait(new FailDatabase("i1", "first"));
        long before = allEvents().size();

        gateway.sendAndWait(new FailDatabase("i1", "second"));

        assertThat(allEvents()).hasSize((int) before);
    }

    @Test
    void failDatabaseOfARunningDatabaseChangesNothingAndReleasesNothing() {
        startWithFreshRange(4);
        int port = create("i1", "u1").port();
        create("i2", "u1");
        gateway.sendAndWait(new MarkDatabaseRunning("i1", "container-1"));
        long before = allEvents().size();

        gateway.sendAndWait(new FailDatabase("i1", "late"));

        assertThat(allEvents()).hasSize((int) before);
        assertThat(portHeld(port)).isTrue();
        assertThat(refusal(() -> create("i3", "u1"))).isInstanceOf(PlanLimitReached.class);
    }

    @Test
    void completeDatabaseDeletionReleasesTheSlotAndThePort() {
        int first = freeRun(2);
        start(first, first + 1);
        int deletedPort = create("i1", "u1").port();
        create("i2", "u1");
        gateway.sendAndWait(new MarkDatabaseRunning("i1", "container-1"));

        gateway.sendAndWait(new DeleteDatabase("i1"));
        assertThat(eventsOf("i1")).last().isInstanceOf(DatabaseDeletionRequested.class);
        // while its container is torn down, the database still holds slot and port
        assertThat(portHeld(deletedPort)).isTrue();
        assertThat(refusal(() -> create("i3", "u1"))).isInstanceOf(PlanLimitReached.class);

        gateway.sendAndWait(new CompleteDatabaseDeletion("i1"));

        assertThat(eventsOf("i1")).last().isInstanceOfSatisfying(DatabaseDeleted.class, e -> {
            assertThat(e.port()).isEqualTo(deletedPort);
            assertThat(e.ownerId()).isEqualTo("u1");
        });
        assertThat(portClaim(deletedPort)).last().isInstanceOf(ClaimReleased.class);
        assertThat(eventsOf(SubscriptionIds.forUser("u1"))).last().isInstanceOfSatisfying(InstanceSlotReleased.class,
                e -> assertThat(e.instanceId()).isEqualTo("i1"));
        assertThat(create("i3", "u1").port()).isEqualTo(deletedPort);

        long before = allEvents().size();
        gateway.sendAndWait(new CompleteDatabaseDeletion("i1"));
        assertThat(allEvents()).as("a repeated completion releases nothing").hasSize((int) before);
    }

    @Test
    void completeDatabaseDeletionOfADatabaseNotBeingDeletedChangesNothing() {
        startWithFreshRange(4);
        int port = create("i1", "u1").port();
        gateway.sendAndWait(new MarkDatabaseRunning("i1", "container-1"));
        long before = allEvents().size();

        gateway.sendAndWait(new CompleteDatabaseDeletion("i1"));

        assertThat(allEvents()).hasSize((int) before);
        assertThat(portHeld(port)).isTrue();
    }

    @Test
    void deletingAFailedDatabaseDoesNotReleaseWhatItsSuccessorHolds() {
        int port = freeRun(1);
        start(port, port);
        create("i1", "u1");
        gateway.sendAndWait(new FailDatabase("i1", "boom"));
        assertThat(create("i2", "u1").port()).isEqualTo(port);

        gateway.sendAndWait(new DeleteDatabase("i1"));

        assertThat(eventsOf("i1")).last().isInstanceOf(DatabaseDeleted.class);
        assertThat(portHeld(port)).isTrue();
        assertThat(portClaim(port)).last().isInstanceOfSatisfying(ClaimTaken.class,
                c -> assertThat(c.ownerId()).isEqualTo("i2"));
        assertThat(allEvents(InstanceSlotReleased.class)).extracting(InstanceSlotReleased::instanceId)
                .containsExactly("i1");
    }

    @Test
    void rotatingThroughTheBusUsesTheInjectedSecretBox() {
        startWithFreshRange(4);
        create("i1", "u1");
        gateway.sendAndWait(new MarkDatabaseRunning("i1", "container-1"));

        RotatedPassword rotated = gateway.sendAndWait(new RotateDatabasePassword("i1"));

        assertThat(eventsOf("i1")).last().isInstanceOfSatisfying(
                dev.hangar.kernel.database.DatabasePasswordRotationRequested.class, e -> {
                    assertThat(e.rotationId()).isEqualTo(rotated.rotationId());
                    assertThat(SECRETS.decrypt(e.newPasswordCiphertext())).isEqualTo(rotated.newPassword());
                });
    }

    // --- ports ------------------------------------------------------------------------------

    @Test
    void tenDatabasesGetTenDistinctPortsInTheRange() {
        int first = freeRun(30);
        start(first, first + 29);
        changePlan("u1", Plan.PREMIUM);

        Set<Integer> ports = new HashSet<>();
        for (int i = 1; i <= 10; i++) {
            ports.add(create("i" + i, "u1", "db" + i).port());
        }

        assertThat(ports).hasSize(10).allSatisfy(p -> assertThat(p).isBetween(first, first + 29));
        assertThat(allEvents(ClaimTaken.class)).extracting(ClaimTaken::claimId)
                .containsExactlyInAnyOrderElementsOf(ports.stream().map(p -> "port:" + p).toList());
        assertThat(refusal(() -> create("i11", "u1", "db11"))).isInstanceOf(PlanLimitReached.class);
    }

    @Test
    void aPortBusyOnTheHostIsSkipped() throws IOException {
        int first = freeRun(3);
        occupy(first);
        occupy(first + 2);
        start(first, first + 2);

        for (int i = 0; i < 3; i++) {
            // whatever the random starting point, only the middle port is free
            String id = "i" + i;
            DatabaseCreated created = create(id, "user-" + i);
            assertThat(created.port()).isEqualTo(first + 1);
            gateway.sendAndWait(new FailDatabase(id, "free the port again"));
        }
        assertThat(allEvents(ClaimTaken.class)).extracting(ClaimTaken::claimId).containsOnly("port:" + (first + 1));
    }

    @Test
    void aPortClaimedByAnotherDatabaseIsSkippedEvenWhenFreeOnTheHost() throws IOException {
        int first = freeRun(3);
        occupy(first);
        occupy(first + 2);
        start(first, first + 2);
        create("i1", "u1");

        HangarException refused = refusal(() -> create("i2", "u2"));

        assertThat(refused.code()).isEqualTo("NO_PORT_AVAILABLE");
        assertThat(eventsOf("i2")).isEmpty();
    }

    @Test
    void noFreePortIsRefusedAndLeavesNothing() throws IOException {
        int first = freeRun(3);
        for (int p = first; p <= first + 2; p++) {
            occupy(p);
        }
        start(first, first + 2);

        HangarException refused = refusal(() -> create("i1", "u1"));

        assertThat(refused.code()).isEqualTo("NO_PORT_AVAILABLE");
        assertThat(refused.kind()).isEqualTo(HangarException.Kind.UNAVAILABLE);
        assertThat(refused.getMessage()).contains(first + "-" + (first + 2));
        assertThat(allEvents()).isEmpty();
        // the slot was not kept: both FREE slots are usable once a port frees up
        held.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        held.clear();
        create("i2", "u1");
        create("i3", "u1");
    }

    // --- races ------------------------------------------------------------------------------

    @RepeatedTest(3)
    void concurrentCreatesOnFreeLetExactlyTwoWin() throws Exception {
        int first = freeRun(100);
        start(first, first + 99);
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<DatabaseCreated>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String instanceId = "racer-" + i + "-" + UUID.randomUUID();
                Callable<DatabaseCreated> race = () -> {
                    ready.countDown();
                    go.await();
                    return create(instanceId, "racing-user");
                };
                results.add(pool.submit(race));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            List<DatabaseCreated> successes = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<DatabaseCreated> result : results) {
                try {
                    successes.add(result.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).hasSize(threads - 2).allSatisfy(f -> assertThat(f).isInstanceOf(PlanLimitReached.class));
            assertThat(successes).hasSize(2);
            assertThat(successes.get(0).port()).isNotEqualTo(successes.get(1).port());

            assertThat(allEvents(DatabaseRequested.class)).extracting(DatabaseRequested::instanceId)
                    .containsExactlyInAnyOrder(successes.get(0).instanceId(), successes.get(1).instanceId());
            assertThat(allEvents(InstanceSlotReserved.class)).hasSize(2);
            assertThat(allEvents(SubscriptionCreated.class)).hasSize(1);
            assertThat(allEvents(ClaimTaken.class)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(3)
    void concurrentCreatesOfManyUsersNeverShareAPort() throws Exception {
        int first = freeRun(3);
        start(first, first + 2);
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<DatabaseCreated>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String id = "racer-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return create(id, "user-" + id);
                }));
            }
            go.countDown();
            List<Integer> ports = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<DatabaseCreated> result : results) {
                try {
                    ports.add(result.get(60, TimeUnit.SECONDS).port());
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(ports).containsExactlyInAnyOrder(first, first + 1, first + 2);
            assertThat(failures).hasSize(threads - 3).allSatisfy(f -> assertThat(f)
                    .isInstanceOfSatisfying(HangarException.class,
                            e -> assertThat(e.code()).isEqualTo("NO_PORT_AVAILABLE")));
            assertThat(allEvents(DatabaseRequested.class)).hasSize(3);
            // the losers' slots were rolled back with their units of work
            assertThat(allEvents(InstanceSlotReserved.class)).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
