package dev.hangar.kernel.common;

import java.nio.charset.StandardCharsets;

/**
 * Every user-facing field's limits, declared once: the surfaces' request bodies refer to these
 * constants, and the command side checks the same ones before anything is hashed or stored.
 */
public final class Limits {

    /** RFC 5321's path limit; the longest email Hangar accepts and stores. */
    public static final int EMAIL_MAX = 254;
    /** BCrypt reads at most 72 bytes: a longer password would be silently truncated, so it is refused. */
    public static final int PASSWORD_MAX_BYTES = 72;
    public static final int PASSWORD_MIN = 8;
    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 50;
    public static final int PERSON_NAME_MAX = 100;

    private Limits() {
    }

    public static int utf8Length(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The command side's own guard: the surfaces check first, this holds for every caller. */
    public static void checkPassword(String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            throw HangarException.validation("password: must be at least " + PASSWORD_MIN + " characters");
        }
        if (utf8Length(password) > PASSWORD_MAX_BYTES) {
            throw HangarException.validation("password: must be at most " + PASSWORD_MAX_BYTES + " bytes (UTF-8)");
        }
    }

    public static void checkEmail(String email) {
        if (!Emails.isValid(email)) {
            throw HangarException.validation("email: must be a valid email address of at most " + EMAIL_MAX
                    + " characters");
        }
    }
}
