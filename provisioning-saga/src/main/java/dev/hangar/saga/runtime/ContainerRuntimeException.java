package dev.hangar.saga.runtime;

/** The container engine could not do what was asked (unreachable, refused, missing image...). */
public class ContainerRuntimeException extends RuntimeException {

    public ContainerRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }

    public ContainerRuntimeException(String message) {
        super(message);
    }
}
