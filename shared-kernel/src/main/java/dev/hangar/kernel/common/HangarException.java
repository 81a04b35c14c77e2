package dev.hangar.kernel.common;

/**
 * A refusal the core gives for a reason the caller can act on. Each surface maps the
 * {@link Kind} to its own status code and error body; {@code code} is a stable machine word.
 */
public class HangarException extends RuntimeException {

    public enum Kind { VALIDATION, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PLAN_LIMIT, UNAVAILABLE }

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

    public static HangarException notFound(String code, String message) {
        return new HangarException(Kind.NOT_FOUND, code, message);
    }
}
