package dev.hangar.kernel.common;

/**
 * A refusal the core gives for a reason the caller can act on. Each surface maps the
 * {@link Kind} to its own status code and error body; {@code code} is a stable machine word.
 */
public class HangarException extends RuntimeException {

    /**
     * {@code UNAVAILABLE}: a part Hangar needs is missing for now (no free port, say); try again later.
     * {@code CONTAINER_RUNTIME}: the container engine failed or could not be reached while doing the
     * request's work (code {@code DOCKER_ERROR}).
     */
    public enum Kind { VALIDATION, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PLAN_LIMIT, UNAVAILABLE, CONTAINER_RUNTIME,
        PAYMENT_FAILED, RATE_LIMITED }

    /** The stable code of every {@link Kind#CONTAINER_RUNTIME} refusal. */
    public static final String CONTAINER_RUNTIME_CODE = "DOCKER_ERROR";

    private final Kind kind;
    private final String code;

    public HangarException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() { return kind; }

    public String code() { return code; }

    public static HangarException validation(String message) {
        return new HangarException(Kind.VALIDATION, "VALIDATION_ERROR", message);
    }

    /** The container engine failed or could not be reached. */
    public static HangarException containerRuntime(String message) {
        return new HangarException(Kind.CONTAINER_RUNTIME, CONTAINER_RUNTIME_CODE, message);
    }

    public static HangarException notFound(String code, String message) {
        return new HangarException(Kind.NOT_FOUND, code, message);
    }
}
