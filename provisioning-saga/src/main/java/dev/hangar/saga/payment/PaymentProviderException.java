package dev.hangar.saga.payment;

/** The provider could not be reached, refused, or answered something Hangar cannot read. */
public class PaymentProviderException extends RuntimeException {

    private final boolean notFound;

    public PaymentProviderException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
        this.notFound = false;
    }

    public boolean notFound() {
        return notFound;
    }
}
