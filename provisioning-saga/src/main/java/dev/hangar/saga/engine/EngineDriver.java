package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import java.util.List;
import java.util.Map;

/**
 * How Hangar talks to one engine: the container env/command that set the initial credentials (per
 * the official image's contract), a real login check for readiness, and a password change.
 *
 * <p>{@link #acceptsLogin} never throws: false means "not (yet) reachable or refused"; poll it for
 * readiness, since a published port accepts TCP before the engine listens. {@link #changePassword}
 * throws {@link EngineDriverException} when the engine refuses, or {@link
 * UnsupportedOperationException} for engines where Hangar cannot do it.
 */
public interface EngineDriver {

    Engine kind();

    Map<String, String> environment(Credentials c);

    /** Arguments for the container (the image's CMD); empty for the image's default. */
    default List<String> command(Credentials c) {
        return List.of();
    }

    boolean acceptsLogin(String host, int port, Credentials c);

    void changePassword(String host, int port, Credentials current, String newPassword);
}
