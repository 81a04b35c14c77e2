package dev.hangar.saga.provisioning;

/** A step of provisioning failed; the message is fit for the user (no credentials in it). */
public class ProvisioningException extends RuntimeException {

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProvisioningException(String message) {
        super(message);
    }
}
