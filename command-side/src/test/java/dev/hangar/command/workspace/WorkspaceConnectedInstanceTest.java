package dev.hangar.command.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.workspace.ConnectInstance;
import dev.hangar.kernel.workspace.ConnectedInstanceModified;
import dev.hangar.kernel.workspace.ConnectedInstanceProbed;
import dev.hangar.kernel.workspace.ConnectedInstanceRemoved;
import dev.hangar.kernel.workspace.DisconnectInstance;
import dev.hangar.kernel.workspace.InstanceConnected;
import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.InstanceDisconnected;
import dev.hangar.kernel.workspace.InstanceHealth;
import dev.hangar.kernel.workspace.InstanceProfile;
import dev.hangar.kernel.workspace.InstanceSpec;
import dev.hangar.kernel.workspace.InstanceType;
import dev.hangar.kernel.workspace.ModifyConnectedInstance;
import dev.hangar.kernel.workspace.RecordInstanceProbe;
import dev.hangar.kernel.workspace.SslMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceConnectedInstanceTest {

    static final String ID = "inst-1";
    final SecretBox secrets = new SecretBox(new byte[32]);
    final Names names = new Names();
    AggregateTestFixture<ConnectedInstance> fixture;

    /** Names held per workspace, as the claims would hold them. */
    static final class Names implements InstanceNames {
        final Map<String, String> held = new HashMap<>();

        @Override
        public boolean take(String tenantId, String workspaceName, String name, String instanceId) {
            String owner = held.putIfAbsent(tenantId + "/" + workspaceName + "/" + name, instanceId);
            return owner == null || owner.equals(instanceId);
        }

        @Override
        public void release(String tenantId, String workspaceName, String name, String instanceId) {
            held.remove(tenantId + "/" + workspaceName + "/" + name, instanceId);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ConnectedInstance.class);
        fixture.registerInjectableResource(secrets);
        fixture.registerInjectableResource(names);
    }

    static InstanceSpec spec(String name, String password) {
        return new InstanceSpec(name, "staging", "postgresql", "postgresql", "db.example.com", 5432, "app", password,
                null, null, null, null, null, null, null, null);
    }

    static InstanceSpec changes(String name, String host, String password, Boolean enabled) {
        return new InstanceSpec(name, null, null, null, host, null, null, password, null, enabled, null, null, null,
                null, null, null);
    }

    InstanceConnected connected() {
        return new InstanceConnected(ID, "t1", "ws", "u1",
                new InstanceProfile("db", "staging", "postgresql", null, null, true),
                new InstanceConnection(InstanceType.POSTGRESQL, "db.example.com", 5432, "app",
                        secrets.encrypt("s3cret!"), false, SslMode.PREFER, null, null, null, 1),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    Object last(String id) {
        return fixture.getEventStore().readEvents(id).asStream().reduce((a, b) -> b).orElseThrow().getPayload();
    }

    @Test
    void connectEncryptsThePasswordAndTakesTheName() {
        fixture.givenNoPriorActivity()
                .when(new ConnectInstance(ID, "t1", "ws", "u1", spec("db", "s3cret!")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.any(InstanceConnected.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        InstanceConnected e = (InstanceConnected) last(ID);
        assertThat(e.connection().passwordCiphertext()).isNotEqualTo("s3cret!").startsWith("v1:");
        assertThat(secrets.decrypt(e.connection().passwordCiphertext())).isEqualTo("s3cret!");
        assertThat(e.connection().revision()).isEqualTo(1);
        assertThat(e.toString()).doesNotContain("s3cret!");
        assertThat(names.held).containsEntry("t1/ws/db", ID);
    }

    @Test
    void missingFieldsAreNamedEachAndBadValuesRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConnectInstance(ID, "t1", "ws", "u1", new InstanceSpec(null, "d", "postgresql", "v", "",
                        null, "u", "p", null, null, null, null, null, null, null, null)))
                .expectException(HangarException.class)
                .expectExceptionMessage("Missing required fields: instance_name, host, port");
        fixture.givenNoPriorActivity()
                .when(new ConnectInstance(ID, "t1", "ws", "u1", new InstanceSpec("db", "d", "oracle", "v", "h",
                        70000, "u", "p", null, null, null, "sometimes", null, null, null, null)))
                .expectException(HangarException.class)
                .expectExceptionMessage("instance_type must be one of postgresql, mysql, mariadb, redis; "
                        + "port must be between 1 and 65535; "
                        + "ssl_mode must be one of disable, prefer, require, verify-ca, verify-full");
    }

    @Test
    void aSecondInstanceOfTheSameNameInTheWorkspaceConflicts() {
        names.take("t1", "ws", "db", "other");
        fixture.givenNoPriorActivity()
                .when(new ConnectInstance(ID, "t1", "ws", "u1", spec("db", "p")))
                .expectException(HangarException.class)
                .expectNoEvents();
    }

    @Test
    void aProbeIsRecordedOnlyWhenItIsNewsForTheCurrentRevision() {
        Instant at = Instant.now();
        fixture.given(connected())
                .when(new RecordInstanceProbe(ID, 1, InstanceHealth.HEALTHY, "15.4", "Connected", at))
                .expectEvents(new ConnectedInstanceProbed(ID, "t1", 1, InstanceHealth.HEALTHY, "15.4", "Connected", at));
        fixture.given(connected(),
                        new ConnectedInstanceProbed(ID, "t1", 1, InstanceHealth.HEALTHY, "15.4", "Connected", at))
                .when(new RecordInstanceProbe(ID, 1, InstanceHealth.HEALTHY, "15.4", "Connected", at.plusSeconds(60)))
                .expectNoEvents();
        fixture.given(connected())
                .when(new RecordInstanceProbe(ID, 0, InstanceHealth.HEALTHY, "15.4", "Connected", at))
                .expectNoEvents();
    }

    @Test
    void aChangeOfAddressProbesAgainAndARenameMovesTheName() {
        names.take("t1", "ws", "db", ID);
        fixture.given(connected())
                .when(new ModifyConnectedInstance(ID, changes("db2", "other.example.com", null, null)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.any(ConnectedInstanceModified.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        fixture.given(connected())
                .when(new ModifyConnectedInstance(ID, changes("db3", "other.example.com", null, null)));
        ConnectedInstanceModified e = (ConnectedInstanceModified) last(ID);
        assertThat(e.reprobe()).isTrue();
        assertThat(e.connection().revision()).isEqualTo(2);
        assertThat(e.profile().name()).isEqualTo("db3");
        assertThat(names.held).containsEntry("t1/ws/db3", ID).doesNotContainKey("t1/ws/db");
    }

    @Test
    void aDescriptionChangeDoesNotProbeAndTheSamePasswordIsNoChange() {
        fixture.given(connected())
                .when(new ModifyConnectedInstance(ID, new InstanceSpec(null, "new text", null, null, null, null,
                        null, "s3cret!", null, null, null, null, null, null, null, null)));
        ConnectedInstanceModified e = (ConnectedInstanceModified) last(ID);
        assertThat(e.reprobe()).isFalse();
        assertThat(e.connection().revision()).isEqualTo(1);
        fixture.given(connected())
                .when(new ModifyConnectedInstance(ID, changes(null, null, "s3cret!", null)))
                .expectNoEvents();
    }

    @Test
    void aRenameOntoATakenNameConflicts() {
        names.take("t1", "ws", "taken", "other");
        fixture.given(connected())
                .when(new ModifyConnectedInstance(ID, changes("taken", null, null, null)))
                .expectException(HangarException.class)
                .expectNoEvents();
    }

    @Test
    void disconnectKeepsItDisabledAndIgnoresProbesUntilReenabled() {
        Instant at = Instant.now();
        fixture.given(connected())
                .when(new DisconnectInstance(ID, false))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.any(InstanceDisconnected.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        fixture.given(connected(), new InstanceDisconnected(ID, "t1", "ws", at))
                .when(new RecordInstanceProbe(ID, 1, InstanceHealth.HEALTHY, "15", "Connected", at))
                .expectNoEvents();
        fixture
                .given(connected(), new InstanceDisconnected(ID, "t1", "ws", at))
                .when(new ModifyConnectedInstance(ID, changes(null, null, null, true)));
        ConnectedInstanceModified e = (ConnectedInstanceModified) last(ID);
        assertThat(e.reprobe()).isTrue();
        assertThat(e.profile().enabled()).isTrue();
    }

    @Test
    void deleteRemovesItAndFreesTheName() {
        names.take("t1", "ws", "db", ID);
        fixture.given(connected())
                .when(new DisconnectInstance(ID, true))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.any(ConnectedInstanceRemoved.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()))
                .expectMarkedDeleted();
        assertThat(names.held).doesNotContainKey("t1/ws/db");
    }
}
