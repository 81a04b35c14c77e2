package dev.hangar.saga.engine;

/** An engine refused or failed an administrative operation (e.g. a password change). */
public class EngineDriverException extends RuntimeException {

    public EngineDriverException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineDriverException(String message) {
        super(message);
    }
}
