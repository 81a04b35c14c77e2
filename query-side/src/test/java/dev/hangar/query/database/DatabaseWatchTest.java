package dev.hangar.query.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabasePasswordRotated;
import dev.hangar.kernel.database.DatabaseProvisioned;
import dev.hangar.kernel.database.DatabaseState;
import dev.hangar.kernel.database.DatabaseStatus;
import dev.hangar.kernel.database.DatabaseSuspended;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.FindDatabase;
import dev.hangar.kernel.database.WatchDatabase;
import dev.hangar.query.MongoTestServer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiting for a database to change: Axon's subscription query on the databases read model. */
class DatabaseWatchTest {

    static final Instant T0 = DatabaseProjectionTest.T0;

    MongoTestServer server;
    SimpleQueryBus bus;
    DatabaseProjection projection;

    @BeforeEach
    void start() {
        server = new MongoTestServer();
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        bus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        projection = new DatabaseProjection(server.template(), emitter);
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SubscriptionQueryResult<QueryResponseMessage<DatabaseState>, SubscriptionQueryUpdateMessage<DatabaseState>>
            watch(String owner, String id) {
        return bus.subscriptionQuery(new GenericSubscriptionQueryMessage<>(new WatchDatabase(owner, id),
                ResponseTypes.instanceOf(DatabaseState.class), ResponseTypes.instanceOf(DatabaseState.class)));
    }

    private static List<DatabaseState> collect(
            SubscriptionQueryResult<QueryResponseMessage<DatabaseState>, SubscriptionQueryUpdateMessage<DatabaseState>> w) {
        List<DatabaseState> seen = new CopyOnWriteArrayList<>();
        w.updates().subscribe(u -> seen.add(u.getPayload()));
        return seen;
    }

    @Test
    void aWatchOpenedAfterTheChangeSeesItInItsInitialResult() {
        projection.on(DatabaseProjectionTest.requested("d1", "u1"));
        projection.on(new DatabaseProvisioned("d1", "c1", T0));

        DatabaseState initial = watch("u1", "d1").initialResult().block().getPayload();
        assertThat(initial.view().status()).isEqualTo(DatabaseStatus.RUNNING);
        assertThat(watch("u1", "nope").initialResult().block().getPayload().current()).isEmpty();
        assertThat(watch("u2", "d1").initialResult().block().getPayload().current()).isEmpty();
    }

    @Test
    void everyChangeIsEmittedOnceWrittenToItsOwnerOnlyThenGone() {
        projection.on(DatabaseProjectionTest.requested("d1", "u1"));
        var mine = watch("u1", "d1");
        List<DatabaseState> seen = new CopyOnWriteArrayList<>();
        List<DatabaseStatus> storedWhenEmitted = new CopyOnWriteArrayList<>();
        mine.updates().subscribe(u -> {
            seen.add(u.getPayload());
            storedWhenEmitted.add(projection.handle(new FindDatabase("u1", "d1")).map(DatabaseView::status)
                    .orElse(null));
        });
        List<DatabaseState> foreign = collect(watch("u2", "d1"));

        projection.on(new DatabaseProvisioned("d1", "c1", T0));
        projection.on(new DatabaseSuspensionRequested("d1", T0.plusSeconds(1)));
        projection.on(new DatabaseSuspended("d1", T0.plusSeconds(2)));
        projection.on(new DatabasePasswordRotated("d1", "stale", "v1:x", T0)); // matches no rotation: nothing written
        projection.on(new DatabaseDeleted("d1", "u1", 30001, T0.plusSeconds(3)));

        assertThat(seen).extracting(s -> s.current().map(DatabaseView::status).orElse(null))
                .containsExactly(DatabaseStatus.RUNNING, DatabaseStatus.SUSPENDING, DatabaseStatus.SUSPENDED, null);
        assertThat(storedWhenEmitted).containsExactly(DatabaseStatus.RUNNING, DatabaseStatus.SUSPENDING,
                DatabaseStatus.SUSPENDED, null);
        assertThat(foreign).isEmpty();
    }

    @Test
    void insideAUnitOfWorkTheUpdateWaitsForTheCommit() {
        projection.on(DatabaseProjectionTest.requested("d1", "u1"));
        List<DatabaseState> seen = collect(watch("u1", "d1"));

        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        projection.on(new DatabaseProvisioned("d1", "c1", T0));
        assertThat(seen).isEmpty();
        uow.commit();

        assertThat(seen).singleElement().satisfies(s -> assertThat(s.view().status()).isEqualTo(DatabaseStatus.RUNNING));
    }
}
