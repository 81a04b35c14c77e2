package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;
import dev.hangar.saga.runtime.InMemoryContainerRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database engine for {@link InMemoryContainerRuntime}'s containers: it accepts a login once its
 * container runs and has been made ready, with the password the container was created with or the
 * last one changed to; a password change can be refused, or applied with its answer lost.
 */
public final class InMemoryEngineDriver implements EngineDriver {

    public enum ChangeBehaviour { APPLY, REFUSE, APPLY_AND_LOSE_ANSWER }

    private final Engine kind;
    private final InMemoryContainerRuntime runtime;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private volatile boolean readyOnStart = true;
    private volatile boolean answering = true;
    private volatile ChangeBehaviour change = ChangeBehaviour.APPLY;

    public InMemoryEngineDriver(Engine kind, InMemoryContainerRuntime runtime) {
        this.kind = kind;
        this.runtime = runtime;
    }

    /** When false, a new container accepts no login until {@link #makeReady}. */
    public void readyOnStart(boolean value) {
        readyOnStart = value;
    }

    public void makeReady(String containerName) {
        ready.put(containerName, true);
    }

    /** While false, the engine answers nothing (a paused container). */
    public void answering(boolean value) {
        answering = value;
    }

    public void onChange(ChangeBehaviour behaviour) {
        change = behaviour;
    }

    /** The password the engine holds now, as a previous attempt may have left it. */
    public void setPassword(String containerName, String password) {
        passwords.put(containerName, password);
    }

    public String password(String containerName) {
        return passwords.get(containerName);
    }

    @Override
    public Engine kind() {
        return kind;
    }

    @Override
    public Map<String, String> environment(Credentials c) {
        return Map.of("PASSWORD", c.password());
    }

    @Override
    public boolean acceptsLogin(String host, int port, Credentials c) {
        if (!answering) {
            return false;
        }
        return runtime.containerOnPort(port).filter(container -> container.running).map(container -> {
            String name = container.spec.name();
            passwords.putIfAbsent(name, container.spec.env().get("PASSWORD"));
            boolean isReady = ready.computeIfAbsent(name, n -> readyOnStart);
            return isReady && c.password().equals(passwords.get(name));
        }).orElse(false);
    }

    @Override
    public void changePassword(String host, int port, Credentials current, String newPassword) {
        if (!acceptsLogin(host, port, current)) {
            throw new EngineDriverException("authentication failed");
        }
        String name = runtime.containerOnPort(port).orElseThrow().spec.name();
        switch (change) {
            case REFUSE -> throw new EngineDriverException("the engine refused the new password");
            case APPLY -> passwords.put(name, newPassword);
            case APPLY_AND_LOSE_ANSWER -> {
                passwords.put(name, newPassword);
                throw new EngineDriverException("connection reset while waiting for the answer");
            }
        }
    }
}
