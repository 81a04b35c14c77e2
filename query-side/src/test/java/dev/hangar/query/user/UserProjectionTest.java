package dev.hangar.query.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.user.FindUserById;
import dev.hangar.kernel.user.ListUsers;
import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UserActivated;
import dev.hangar.kernel.user.UserDeactivated;
import dev.hangar.kernel.user.UserLockedOut;
import dev.hangar.kernel.user.UserPage;
import dev.hangar.kernel.user.UserProfileUpdated;
import dev.hangar.kernel.user.UserRegistered;
import dev.hangar.kernel.user.UserRoleChanged;
import dev.hangar.kernel.user.UserType;
import dev.hangar.kernel.user.UserView;
import dev.hangar.query.MongoTestServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserProjectionTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private static MongoTestServer mongo;
    private UserProjection projection;

    @BeforeAll
    static void startMongo() {
        mongo = new MongoTestServer();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        mongo.dropDatabase();
        projection = new UserProjection(mongo.template());
    }

    private static UserRegistered registered(String id, Instant at) {
        return new UserRegistered(id, "name-" + id, id + "@example.com", "$2a$04$hash", "Ada", "Lovelace",
                "Ada Lovelace", UserType.ORGANIZATION, Role.TENANT_ADMIN, "tenant-" + id, "url-" + id, at);
    }

    private UserView find(String id) {
        return projection.handle(new FindUserById(id)).orElseThrow();
    }

    private void deliver(Object event) {
        if (event instanceof UserRegistered e) {
            projection.on(e);
        } else if (event instanceof UserProfileUpdated e) {
            projection.on(e);
        } else if (event instanceof UserRoleChanged e) {
            projection.on(e);
        } else if (event instanceof UserActivated e) {
            projection.on(e);
        } else if (event instanceof UserDeactivated e) {
            projection.on(e);
        } else if (event instanceof UserLockedOut e) {
            projection.on(e);
        } else {
            throw new IllegalArgumentException(String.valueOf(event));
        }
    }

    private void deliverAll(List<?> events) {
        events.forEach(this::deliver);
    }

    @Test
    void registrationCreatesTheView() {
        projection.on(registered("u1", T0));

        assertThat(find("u1")).isEqualTo(new UserView("u1", "name-u1", "u1@example.com", "Ada", "Lovelace",
                "Ada Lovelace", UserType.ORGANIZATION, Role.TENANT_ADMIN, true, "tenant-u1", "url-u1", null, T0, T0, null, java.util.List.of()));
    }

    @Test
    void sessionsAreTrackedAndADeactivationEndsEveryTokenIssuedBefore() {
        projection.on(registered("u1", T0));
        projection.on(new dev.hangar.kernel.user.SessionStarted("u1", "s1", "r1", T0));
        projection.on(new dev.hangar.kernel.user.SessionStarted("u1", "s2", "r2", T0));
        projection.on(new dev.hangar.kernel.user.SessionRevoked("u1", "s1", "logged out", T0));
        assertThat(find("u1").sessions()).containsExactly("s2");
        java.time.Instant later = T0.plusSeconds(60);
        projection.on(new dev.hangar.kernel.user.UserDeactivated("u1", later));
        projection.on(new dev.hangar.kernel.user.SessionRevoked("u1", "s2", "user deactivated", later));
        projection.on(new dev.hangar.kernel.user.UserActivated("u1", later.plusSeconds(1)));
        assertThat(find("u1").sessions()).isEmpty();
        assertThat(find("u1").tokensValidAfter()).isEqualTo(later);
    }

    @Test
    void theViewCarriesNoPasswordHash() {
        projection.on(registered("u1", T0));

        org.bson.Document raw = mongo.client().getDatabase(MongoTestServer.DATABASE).getCollection(UserDocument.COLLECTION)
                .find().first();
        assertThat(raw).isNotNull();
        assertThat(raw.toJson()).doesNotContain("hash").doesNotContain("$2a$");
    }

    @Test
    void unknownUserIsEmpty() {
        assertThat(projection.handle(new FindUserById("nobody"))).isEqualTo(Optional.empty());
    }

    @Test
    void profileUpdate() {
        Instant t1 = T0.plusSeconds(60);
        projection.on(registered("u1", T0));
        projection.on(new UserProfileUpdated("u1", "Augusta", "King", "Augusta King", "augusta@example.com", t1));

        UserView view = find("u1");
        assertThat(view.firstName()).isEqualTo("Augusta");
        assertThat(view.lastName()).isEqualTo("King");
        assertThat(view.name()).isEqualTo("Augusta King");
        assertThat(view.email()).isEqualTo("augusta@example.com");
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.updatedAt()).isEqualTo(t1);
        assertThat(view.username()).isEqualTo("name-u1");
    }

    @Test
    void roleChange() {
        projection.on(registered("u1", T0));
        projection.on(new UserRoleChanged("u1", Role.TENANT_ADMIN, Role.ADMIN, T0.plusSeconds(1)));

        assertThat(find("u1").role()).isEqualTo(Role.ADMIN);
        assertThat(find("u1").updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void lockoutThenReactivationClearsTheLock() {
        Instant lockedUntil = T0.plusSeconds(900);
        projection.on(registered("u1", T0));
        projection.on(new UserLockedOut("u1", 5, lockedUntil, T0));
        assertThat(find("u1").lockedUntil()).isEqualTo(lockedUntil);

        projection.on(new UserDeactivated("u1", T0.plusSeconds(5)));
        assertThat(find("u1").active()).isFalse();
        assertThat(find("u1").lockedUntil()).isEqualTo(lockedUntil);

        projection.on(new UserActivated("u1", T0.plusSeconds(10)));
        assertThat(find("u1").active()).isTrue();
        assertThat(find("u1").lockedUntil()).isNull();
        assertThat(find("u1").updatedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void eventsForAnUnknownUserCreateNothing() {
        projection.on(new UserRoleChanged("ghost", Role.USER, Role.ADMIN, T0));
        projection.on(new UserDeactivated("ghost", T0));

        assertThat(projection.handle(new FindUserById("ghost"))).isEmpty();
        assertThat(projection.handle(new ListUsers(10, 0)).total()).isZero();
    }

    @Test
    void everyEventDeliveredTwiceGivesTheSameState() {
        List<Object> history = List.of(
                registered("u1", T0),
                new UserProfileUpdated("u1", "Augusta", "King", "Augusta King", "augusta@example.com", T0.plusSeconds(1)),
                new UserRoleChanged("u1", Role.TENANT_ADMIN, Role.ADMIN, T0.plusSeconds(2)),
                new UserLockedOut("u1", 5, T0.plusSeconds(903), T0.plusSeconds(3)),
                new UserDeactivated("u1", T0.plusSeconds(4)));
        deliverAll(history);
        UserView once = find("u1");

        setUp();
        history.forEach(e -> {
            deliver(e);
            deliver(e);
        });

        assertThat(find("u1")).isEqualTo(once);
        assertThat(projection.handle(new ListUsers(10, 0)).total()).isEqualTo(1);
    }

    @Test
    void aReplayedSuffixConverges() {
        List<Object> history = List.of(
                registered("u1", T0),
                new UserRoleChanged("u1", Role.TENANT_ADMIN, Role.ADMIN, T0.plusSeconds(1)),
                new UserProfileUpdated("u1", "Augusta", "King", "Augusta King", "augusta@example.com", T0.plusSeconds(2)),
                new UserDeactivated("u1", T0.plusSeconds(3)),
                new UserActivated("u1", T0.plusSeconds(4)));
        deliverAll(history);
        UserView once = find("u1");

        for (int from = 0; from < history.size(); from++) {
            deliverAll(history.subList(from, history.size()));
            assertThat(find("u1")).as("after replaying from event %d", from).isEqualTo(once);
        }
    }

    @Test
    void listUsersPagesInCreationOrder() {
        // Neither insertion order nor id order: the page order follows createdAt.
        deliverAll(List.of(registered("a", T0.plusSeconds(30)), registered("e", T0.plusSeconds(10)),
                registered("b", T0.plusSeconds(50)), registered("c", T0.plusSeconds(20)),
                registered("d", T0.plusSeconds(40))));

        Consumer<UserPage> hasTotal5 = page -> assertThat(page.total()).isEqualTo(5);
        UserPage first = projection.handle(new ListUsers(2, 0));
        UserPage second = projection.handle(new ListUsers(2, 2));
        UserPage third = projection.handle(new ListUsers(2, 4));
        UserPage beyond = projection.handle(new ListUsers(2, 10));

        assertThat(List.of(first, second, third, beyond)).allSatisfy(hasTotal5);
        assertThat(first.users()).extracting(UserView::id).containsExactly("e", "c");
        assertThat(second.users()).extracting(UserView::id).containsExactly("a", "d");
        assertThat(third.users()).extracting(UserView::id).containsExactly("b");
        assertThat(beyond.users()).isEmpty();
        assertThat(projection.handle(new ListUsers(100, 0)).users()).extracting(UserView::id)
                .containsExactly("e", "c", "a", "d", "b");
    }

    @Test
    void usersRegisteredAtTheSameInstantAreOrderedById() {
        deliverAll(List.of(registered("z", T0), registered("m", T0), registered("a", T0)));

        assertThat(projection.handle(new ListUsers(10, 0)).users()).extracting(UserView::id)
                .containsExactly("a", "m", "z");
        assertThat(projection.handle(new ListUsers(1, 1)).users()).extracting(UserView::id).containsExactly("m");
    }

    @Test
    void resetDropsTheReadModel() {
        deliverAll(List.of(registered("u1", T0), registered("u2", T0.plusSeconds(1))));
        assertThat(mongo.template().collectionExists(UserDocument.COLLECTION)).isTrue();

        projection.reset();

        assertThat(mongo.template().collectionExists(UserDocument.COLLECTION)).isFalse();
        assertThat(projection.handle(new ListUsers(10, 0))).isEqualTo(new UserPage(List.of(), 0));
        assertThat(projection.handle(new FindUserById("u1"))).isEmpty();

        projection.on(registered("u1", T0));
        assertThat(projection.handle(new ListUsers(10, 0)).total()).isEqualTo(1);
    }
}
