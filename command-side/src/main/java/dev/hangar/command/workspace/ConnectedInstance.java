package dev.hangar.command.workspace;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A database that lives elsewhere, connected into a workspace of a tenant: how it is reached
 * (credentials encrypted before they enter an event) and its health as the prober last reported it.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ConnectedInstance {

    @AggregateIdentifier
    private String instanceId;
    private String tenantId;
    private String workspaceName;
    private InstanceProfile profile;
    private InstanceConnection connection;
    private InstanceHealth status;
    private String version;
    private String message;

    protected ConnectedInstance() {
    }

    @CommandHandler
    ConnectedInstance(ConnectInstance cmd, SecretBox secrets, InstanceNames names) {
        InstanceSpec spec = cmd.spec();
        List<String> missing = spec.missingForConnect();
        if (!missing.isEmpty()) {
            throw HangarException.validation("Missing required fields: " + String.join(", ", missing));
        }
        refuseInvalid(spec);
        if (!names.take(cmd.tenantId(), cmd.workspaceName(), spec.name(), cmd.instanceId())) {
            throw conflict(spec.name(), cmd.workspaceName());
        }
        InstanceType type = InstanceType.parse(spec.type()).orElseThrow();
        boolean ssl = Boolean.TRUE.equals(spec.ssl());
        SslMode mode = spec.sslMode() != null ? SslMode.parse(spec.sslMode()).orElseThrow()
                : ssl ? SslMode.REQUIRE : SslMode.PREFER;
        apply(new InstanceConnected(cmd.instanceId(), cmd.tenantId(), cmd.workspaceName(), cmd.ownerId(),
                new InstanceProfile(spec.name().trim(), spec.description(), spec.vendor(), spec.nodeId(),
                        spec.environmentId(), spec.enabled() == null || spec.enabled()),
                new InstanceConnection(type, spec.host().trim(), spec.port(), spec.username(),
                        secrets.encrypt(spec.password()), ssl, mode, spec.sslCert(),
                        spec.sslKey() == null ? null : secrets.encrypt(spec.sslKey()), spec.sslRootCert(), 1),
                Instant.now()));
    }

    /** Any field; a rename keeps the id; a change of address or credentials (or a re-enable) probes again. */
    @CommandHandler
    void handle(ModifyConnectedInstance cmd, SecretBox secrets, InstanceNames names) {
        InstanceSpec c = cmd.changes();
        refuseInvalid(c);
        InstanceProfile p = new InstanceProfile(or(trimmed(c.name()), profile.name()), or(c.description(), profile.description()),
                or(c.vendor(), profile.vendor()), or(c.nodeId(), profile.nodeId()),
                or(c.environmentId(), profile.environmentId()), or(c.enabled(), profile.enabled()));
        InstanceConnection k = connection;
        boolean passwordChanged = c.password() != null && !c.password().equals(secrets.decrypt(k.passwordCiphertext()));
        boolean keyChanged = c.sslKey() != null
                && (k.sslKeyCiphertext() == null || !c.sslKey().equals(secrets.decrypt(k.sslKeyCiphertext())));
        InstanceConnection next = new InstanceConnection(
                c.type() == null ? k.type() : InstanceType.parse(c.type()).orElseThrow(),
                or(trimmed(c.host()), k.host()), or(c.port(), k.port()), or(c.username(), k.username()),
                passwordChanged ? secrets.encrypt(c.password()) : k.passwordCiphertext(),
                or(c.ssl(), k.ssl()), c.sslMode() == null ? k.sslMode() : SslMode.parse(c.sslMode()).orElseThrow(),
                or(c.sslCert(), k.sslCert()), keyChanged ? secrets.encrypt(c.sslKey()) : k.sslKeyCiphertext(),
                or(c.sslRootCert(), k.sslRootCert()), k.revision());
        boolean reached = !sameReach(k, next) || passwordChanged || keyChanged;
        boolean reenabled = status == InstanceHealth.DISCONNECTED && p.enabled();
        if (reached || reenabled) {
            next = new InstanceConnection(next.type(), next.host(), next.port(), next.username(),
                    next.passwordCiphertext(), next.ssl(), next.sslMode(), next.sslCert(), next.sslKeyCiphertext(),
                    next.sslRootCert(), k.revision() + 1);
        }
        if (p.equals(profile) && next.equals(k)) {
            return;
        }
        if (!p.name().equals(profile.name())) {
            if (!names.take(tenantId, workspaceName, p.name(), instanceId)) {
                throw conflict(p.name(), workspaceName);
            }
            names.release(tenantId, workspaceName, profile.name(), instanceId);
        }
        boolean reprobe = (reached && status != InstanceHealth.DISCONNECTED) || reenabled;
        apply(new ConnectedInstanceModified(instanceId, tenantId, workspaceName, p, next, reprobe, Instant.now()));
    }

    @CommandHandler
    void handle(RecordInstanceProbe cmd) {
        if (cmd.revision() != connection.revision() || status == InstanceHealth.DISCONNECTED
                || (cmd.status() == status && Objects.equals(cmd.version(), version)
                && Objects.equals(cmd.message(), message))) {
            return;
        }
        apply(new ConnectedInstanceProbed(instanceId, tenantId, cmd.revision(), cmd.status(), cmd.version(),
                cmd.message(), cmd.probedAt()));
    }

    @CommandHandler
    void handle(DisconnectInstance cmd, InstanceNames names) {
        if (cmd.delete()) {
            names.release(tenantId, workspaceName, profile.name(), instanceId);
            apply(new ConnectedInstanceRemoved(instanceId, tenantId, workspaceName, profile.name(), Instant.now()));
        } else if (status != InstanceHealth.DISCONNECTED) {
            apply(new InstanceDisconnected(instanceId, tenantId, workspaceName, Instant.now()));
        }
    }

    @EventSourcingHandler
    void on(InstanceConnected e) {
        instanceId = e.instanceId();
        tenantId = e.tenantId();
        workspaceName = e.workspaceName();
        profile = e.profile();
        connection = e.connection();
        status = InstanceHealth.PENDING;
    }

    @EventSourcingHandler
    void on(ConnectedInstanceModified e) {
        profile = e.profile();
        connection = e.connection();
        if (e.reprobe()) {
            status = InstanceHealth.PENDING;
            version = null;
            message = null;
        }
    }

    @EventSourcingHandler
    void on(ConnectedInstanceProbed e) {
        status = e.status();
        version = e.version();
        message = e.message();
    }

    @EventSourcingHandler
    void on(InstanceDisconnected e) {
        status = InstanceHealth.DISCONNECTED;
        profile = new InstanceProfile(profile.name(), profile.description(), profile.vendor(), profile.nodeId(),
                profile.environmentId(), false);
    }

    @EventSourcingHandler
    void on(ConnectedInstanceRemoved e) {
        markDeleted();
    }

    private static boolean sameReach(InstanceConnection a, InstanceConnection b) {
        return a.type() == b.type() && a.host().equals(b.host()) && a.port() == b.port()
                && a.username().equals(b.username()) && a.ssl() == b.ssl() && a.sslMode() == b.sslMode()
                && Objects.equals(a.sslCert(), b.sslCert()) && Objects.equals(a.sslRootCert(), b.sslRootCert());
    }

    private static void refuseInvalid(InstanceSpec spec) {
        List<String> invalid = spec.invalid();
        if (!invalid.isEmpty()) {
            throw HangarException.validation(String.join("; ", invalid));
        }
    }

    private static HangarException conflict(String name, String workspace) {
        return new HangarException(HangarException.Kind.CONFLICT, "CONFLICT",
                "An instance named " + name + " already exists in workspace " + workspace);
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
