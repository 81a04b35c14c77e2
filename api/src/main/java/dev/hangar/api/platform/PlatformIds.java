package dev.hangar.api.platform;

import dev.hangar.kernel.common.HangarException;
import java.util.UUID;

/** Platform v1's ids are UUIDs: a malformed one answers 400 before it reaches the core. */
final class PlatformIds {

    private PlatformIds() {
    }

    static String require(String id, String what) {
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase()) ? id : fail(what);
        } catch (IllegalArgumentException e) {
            return fail(what);
        }
    }

    private static String fail(String what) {
        throw HangarException.validation("Invalid " + what + " ID");
    }
}
