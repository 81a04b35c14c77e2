package dev.hangar.command.instance;

import dev.hangar.kernel.database.Engine;

/**
 * Whether the container host can run an engine now. Implemented where the container runtime lives
 * and wired by the application; asked before anything is reserved, so a refusal changes nothing.
 */
@FunctionalInterface
public interface EngineAvailability {

    enum Verdict { AVAILABLE, RUNTIME_UNREACHABLE, IMAGE_UNAVAILABLE }

    Verdict check(Engine engine);

    /** For tests and tools that run no container host. */
    static EngineAvailability always() {
        return engine -> Verdict.AVAILABLE;
    }
}
