package dev.hangar.saga.provisioning;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.saga.engine.Credentials;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDefinition;
import dev.hangar.saga.engine.EngineDriver;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.runtime.ContainerHandle;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.ContainerRuntimeException;
import dev.hangar.saga.runtime.ContainerSpec;
import dev.hangar.saga.runtime.ContainerState;
import dev.hangar.saga.runtime.Labels;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The container work behind the provisioning saga: each step idempotent, by container name. */
@Component
public class Provisioner {

    private final ContainerRuntime runtime;
    private final EngineCatalog catalog;
    private final EngineDrivers drivers;
    private final SecretBox secrets;
    private final ProvisioningSettings settings;

    public Provisioner(ContainerRuntime runtime, EngineCatalog catalog, EngineDrivers drivers, SecretBox secrets,
                       ProvisioningSettings settings) {
        this.runtime = runtime;
        this.catalog = catalog;
        this.drivers = drivers;
        this.secrets = secrets;
        this.settings = settings;
    }

    /**
     * Makes the database's container run (creating volume and container if missing, so a repeat
     * after a crash finds the first attempt's container) and waits until the engine accepts a
     * login with the database's credentials.
     *
     * @return the container id
     */
    public String run(DatabaseTarget target) {
        EngineDefinition engine = engine(target);
        EngineDriver driver = drivers.get(engine.kind());
        Credentials credentials = credentials(target, target.passwordCiphertext());
        ContainerHandle handle;
        try {
            handle = runtime.ensureRunning(new ContainerSpec(target.containerName(), engine.image(),
                    driver.environment(credentials), driver.command(credentials),
                    Map.of(Labels.INSTANCE_ID, target.instanceId(), Labels.OWNER, target.ownerId(),
                            Labels.ENGINE, engine.kind().key()),
                    engine.port(), settings.publishIp(), target.port(), target.volumeName(), engine.dataPath(),
                    target.memoryBytes(), target.nanoCpus()));
        } catch (ContainerRuntimeException e) {
            throw new ProvisioningException(e.getMessage(), e);
        }
        awaitLogin(target, driver, credentials);
        return handle.containerId();
    }

    public void stop(DatabaseTarget target) {
        runtime.stop(target.containerName());
    }

    /** Removes container and volume: the data is gone. */
    public void tearDown(DatabaseTarget target) {
        runtime.remove(target.containerName(), target.volumeName());
    }

    /** Changes the password inside the running engine; afterwards the old one is refused. */
    public void changePassword(DatabaseTarget target, String newCiphertext) {
        EngineDriver driver = drivers.get(engine(target).kind());
        try {
            driver.changePassword(settings.engineHost(), target.port(),
                    credentials(target, target.passwordCiphertext()), secrets.decrypt(newCiphertext));
        } catch (RuntimeException e) {
            throw new ProvisioningException("The engine refused the password change: " + e.getMessage(), e);
        }
    }

    private void awaitLogin(DatabaseTarget target, EngineDriver driver, Credentials credentials) {
        long deadline = System.nanoTime() + settings.readinessTimeout().toNanos();
        while (!driver.acceptsLogin(settings.engineHost(), target.port(), credentials)) {
            Optional<ContainerState> state = runtime.inspect(target.containerName());
            if (state.isEmpty() || !state.get().running()) {
                throw new ProvisioningException("The " + target.engine() + " container stopped before it accepted "
                        + "a login (" + state.map(ContainerState::status).orElse("removed") + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new ProvisioningException("The " + target.engine() + " engine did not accept a login within "
                        + settings.readinessTimeout().toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("Interrupted while waiting for the engine");
            }
        }
    }

    private EngineDefinition engine(DatabaseTarget target) {
        return catalog.find(target.engine())
                .orElseThrow(() -> new ProvisioningException("Unknown engine " + target.engine()));
    }

    private Credentials credentials(DatabaseTarget target, String ciphertext) {
        return new Credentials(target.username(), secrets.decrypt(ciphertext), target.databaseName());
    }
}
