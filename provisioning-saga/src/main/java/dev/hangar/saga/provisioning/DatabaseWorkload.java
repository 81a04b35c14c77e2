package dev.hangar.saga.provisioning;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.CompleteDatabaseDeletion;
import dev.hangar.kernel.database.CompletePasswordRotation;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.FailDatabase;
import dev.hangar.kernel.database.FailDatabaseResume;
import dev.hangar.kernel.database.FailPasswordRotation;
import dev.hangar.kernel.database.MarkDatabaseResumed;
import dev.hangar.kernel.database.MarkDatabaseRunning;
import dev.hangar.kernel.database.MarkDatabaseSuspended;
import dev.hangar.saga.engine.Credentials;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDefinition;
import dev.hangar.saga.engine.EngineDriver;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.runtime.ContainerSpec;
import dev.hangar.saga.runtime.Labels;
import dev.hangar.saga.workload.WorkloadType;
import java.util.Map;

/**
 * A database as a workload: its engine's image and credentials contract, a real login as the
 * readiness check, the engine's own password change, and the Instance aggregate's commands.
 */
public class DatabaseWorkload implements WorkloadType<DatabaseRequested> {

    private final EngineCatalog catalog;
    private final EngineDrivers drivers;
    private final SecretBox secrets;
    private final ProvisioningSettings settings;

    public DatabaseWorkload(EngineCatalog catalog, EngineDrivers drivers, SecretBox secrets,
                            ProvisioningSettings settings) {
        this.catalog = catalog;
        this.drivers = drivers;
        this.secrets = secrets;
        this.settings = settings;
    }

    @Override
    public Class<DatabaseRequested> requestType() {
        return DatabaseRequested.class;
    }

    @Override
    public String initialSecret(DatabaseRequested request) {
        return request.passwordCiphertext();
    }

    @Override
    public String containerName(DatabaseRequested request) {
        return request.containerName();
    }

    @Override
    public String volumeName(DatabaseRequested request) {
        return request.volumeName();
    }

    @Override
    public ContainerSpec containerSpec(DatabaseRequested r, String secretCiphertext) {
        EngineDefinition engine = engine(r);
        EngineDriver driver = drivers.get(engine.kind());
        Credentials credentials = credentials(r, secretCiphertext);
        return new ContainerSpec(r.containerName(), engine.image(), driver.environment(credentials),
                driver.command(credentials),
                Map.of(Labels.INSTANCE_ID, r.instanceId(), Labels.OWNER, r.ownerId(), Labels.ENGINE, engine.kind().key()),
                engine.port(), settings.publishIp(), r.port(), r.volumeName(), engine.dataPath(), r.memoryBytes(),
                r.nanoCpus()).withIsolation(ContainerSpec.Isolation.ownNetwork(r.containerName(),
                ContainerSpec.Isolation.pidsLimit(r.memoryBytes())));
    }

    @Override
    public boolean ready(DatabaseRequested r, String secretCiphertext) {
        return drivers.get(engine(r).kind()).acceptsLogin(settings.engineHost(), r.port(), credentials(r, secretCiphertext));
    }

    @Override
    public void changeSecret(DatabaseRequested r, String currentCiphertext, String newCiphertext) {
        drivers.get(engine(r).kind()).changePassword(settings.engineHost(), r.port(), credentials(r, currentCiphertext),
                secrets.decrypt(newCiphertext));
    }

    @Override
    public Object provisioned(DatabaseRequested r, String containerId) {
        return new MarkDatabaseRunning(r.instanceId(), containerId);
    }

    @Override
    public Object provisioningFailed(DatabaseRequested r, String reason) {
        return new FailDatabase(r.instanceId(), reason);
    }

    @Override
    public Object stopped(DatabaseRequested r) {
        return new MarkDatabaseSuspended(r.instanceId());
    }

    @Override
    public Object started(DatabaseRequested r, String containerId) {
        return new MarkDatabaseResumed(r.instanceId(), containerId);
    }

    @Override
    public Object startFailed(DatabaseRequested r, String reason) {
        return new FailDatabaseResume(r.instanceId(), reason);
    }

    @Override
    public Object removed(DatabaseRequested r) {
        return new CompleteDatabaseDeletion(r.instanceId());
    }

    @Override
    public Object secretRotated(DatabaseRequested r, String rotationId) {
        return new CompletePasswordRotation(r.instanceId(), rotationId);
    }

    @Override
    public Object secretRotationAbandoned(DatabaseRequested r, String rotationId, String reason) {
        return new FailPasswordRotation(r.instanceId(), rotationId, reason);
    }

    private EngineDefinition engine(DatabaseRequested r) {
        return catalog.find(r.engine())
                .orElseThrow(() -> new IllegalStateException("Unknown engine " + r.engine()));
    }

    private Credentials credentials(DatabaseRequested r, String ciphertext) {
        return new Credentials(r.username(), secrets.decrypt(ciphertext), r.databaseName()).withAdmin(adminSecret(r));
    }

    /**
     * Hangar's administrative secret for the instance's engine, never shown to the tenant: an HMAC keyed by
     * the instance's first password over its SecretBox ciphertext, as {@link DatabaseRequested} holds
     * them. It needs the encryption key and the event store together, does not change when the tenant's
     * password is rotated, and needs no new field in the event.
     */
    static String adminSecret(String initialPassword, String initialCiphertext) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    initialPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(("hangar-admin:" + initialCiphertext)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String adminSecret(DatabaseRequested r) {
        return adminSecret(secrets.decrypt(r.passwordCiphertext()), r.passwordCiphertext());
    }
}
