package dev.hangar.query.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.database.DatabaseContainerExited;
import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabasePasswordRotated;
import dev.hangar.kernel.database.DatabasePasswordRotationFailed;
import dev.hangar.kernel.database.DatabasePasswordRotationRequested;
import dev.hangar.kernel.database.DatabaseProvisioned;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.DatabaseResumed;
import dev.hangar.kernel.database.DatabaseStatus;
import dev.hangar.kernel.database.DatabaseSuspended;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.PasswordRotation;
import dev.hangar.kernel.database.PasswordRotation.Outcome;
import dev.hangar.kernel.database.FindDatabase;
import dev.hangar.kernel.database.ListDatabases;
import dev.hangar.kernel.database.ListDatabasesExpectedRunning;
import dev.hangar.query.MongoTestServer;
import java.time.Instant;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The databases read model on a real MongoDB wire-protocol server. */
class DatabaseProjectionTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    MongoTestServer server;
    DatabaseProjection projection;

    @BeforeEach
    void start() {
        server = new MongoTestServer();
        projection = new DatabaseProjection(server.template(), SimpleQueryUpdateEmitter.builder().build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static DatabaseRequested requested(String id, String owner) {
        return new DatabaseRequested(id, owner, "PostgreSQL", "14", "db_x", "user_x", "v1:ciphertext", "localhost",
                30001, "hangar-db-" + id, "hangar-db-" + id + "-data", "FREE", 1, 1, T0);
    }

    @Test
    void aRequestedDatabaseIsShownCreatingWithoutAnyPasswordMaterial() {
        projection.on(requested("d1", "u1"));

        DatabaseView view = projection.handle(new FindDatabase("u1", "d1")).orElseThrow();
        assertThat(view.status()).isEqualTo(DatabaseStatus.CREATING);
        assertThat(view.port()).isEqualTo(30001);
        assertThat(view.username()).isEqualTo("user_x");
        assertThat(server.template().getCollection("databases").find().first().toJson()).doesNotContain("ciphertext");
    }

    @Test
    void ownersSeeOnlyTheirOwn() {
        projection.on(requested("d1", "u1"));
        projection.on(requested("d2", "u2"));

        assertThat(projection.handle(new FindDatabase("u2", "d1"))).isEmpty();
        assertThat(projection.handle(new ListDatabases("u1")).databases()).extracting(DatabaseView::id)
                .containsExactly("d1");
    }

    @Test
    void theLifecycleIsFollowedAndAReplayedSuffixConverges() {
        projection.on(requested("d1", "u1"));
        DatabaseProvisioned provisioned = new DatabaseProvisioned("d1", "c1", T0.plusSeconds(5));
        DatabaseSuspensionRequested suspending = new DatabaseSuspensionRequested("d1", T0.plusSeconds(6));
        DatabaseSuspended suspended = new DatabaseSuspended("d1", T0.plusSeconds(7));
        projection.on(provisioned);
        projection.on(suspending);
        projection.on(suspended);
        // at-least-once: the same suffix again
        projection.on(provisioned);
        projection.on(suspending);
        projection.on(suspended);

        DatabaseView view = projection.handle(new FindDatabase("u1", "d1")).orElseThrow();
        assertThat(view.status()).isEqualTo(DatabaseStatus.SUSPENDED);
        assertThat(view.containerId()).isEqualTo("c1");
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void anExitedContainerShowsFailedWithTheReasonUntilResumed() {
        projection.on(requested("d1", "u1"));
        projection.on(new DatabaseProvisioned("d1", "c1", T0));
        projection.on(new DatabaseContainerExited("d1", "die", T0.plusSeconds(1)));

        DatabaseView failed = projection.handle(new FindDatabase("u1", "d1")).orElseThrow();
        assertThat(failed.status()).isEqualTo(DatabaseStatus.FAILED);
        assertThat(failed.failureReason()).contains("die").contains("outside Hangar");
        assertThat(projection.handle(new ListDatabasesExpectedRunning()).databases()).isEmpty();

        projection.on(new DatabaseResumed("d1", "c2", T0.plusSeconds(2)));
        DatabaseView resumed = projection.handle(new FindDatabase("u1", "d1")).orElseThrow();
        assertThat(resumed.status()).isEqualTo(DatabaseStatus.RUNNING);
        assertThat(resumed.failureReason()).isNull();
        assertThat(projection.handle(new ListDatabasesExpectedRunning()).databases()).extracting(DatabaseView::id)
                .containsExactly("d1");
    }

    @Test
    void rotationOutcomesAreTrackedPerRotation() {
        projection.on(requested("d1", "u1"));
        projection.on(new DatabasePasswordRotationRequested("d1", "r1", "v1:x", T0));
        assertThat(projection.handle(new FindDatabase("u1", "d1")).orElseThrow().lastRotation())
                .isEqualTo(new PasswordRotation("r1", Outcome.PENDING, null));
        projection.on(new DatabasePasswordRotated("d1", "r1", "v1:x", T0.plusSeconds(1)));
        assertThat(projection.handle(new FindDatabase("u1", "d1")).orElseThrow().lastRotation())
                .isEqualTo(new PasswordRotation("r1", Outcome.ROTATED, null));

        projection.on(new DatabasePasswordRotationRequested("d1", "r2", "v1:y", T0.plusSeconds(2)));
        projection.on(new DatabasePasswordRotationFailed("d1", "r2", "refused", T0.plusSeconds(3)));
        projection.on(new DatabasePasswordRotated("d1", "r1", "v1:x", T0.plusSeconds(1))); // a stale redelivery
        DatabaseView view = projection.handle(new FindDatabase("u1", "d1")).orElseThrow();
        assertThat(view.lastRotation()).isEqualTo(new PasswordRotation("r2", Outcome.FAILED, "refused"));
    }

    @Test
    void aDeletedDatabaseIsGoneAndTheResetHandlerEmptiesTheModel() {
        projection.on(requested("d1", "u1"));
        projection.on(requested("d2", "u1"));
        projection.on(new DatabaseDeleted("d1", "u1", 30001, T0));

        assertThat(projection.handle(new FindDatabase("u1", "d1"))).isEmpty();
        assertThat(projection.handle(new ListDatabases("u1")).databases()).hasSize(1);
        projection.reset();
        assertThat(projection.handle(new ListDatabases("u1")).databases()).isEmpty();
    }
}
