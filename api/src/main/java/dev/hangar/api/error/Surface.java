package dev.hangar.api.error;

import java.util.regex.Pattern;

/** The four HTTP surfaces; each has its own error body (API-SURFACES.md). */
public enum Surface {
    PLATFORM, DATABASES, INSTANCES, WORKSPACES;

    private static final Pattern WORKSPACES_PATH = Pattern.compile("^/[^/]+/api/v1/workspaces(/.*)?$");

    public static Surface of(String path) {
        if (path.startsWith("/api/v1/") || path.equals("/api/v1")) {
            return PLATFORM;
        }
        if (path.startsWith("/api/instances") || path.startsWith("/api/cache") || path.startsWith("/api/metrics")
                || path.equals("/health")) {
            return INSTANCES;
        }
        if (WORKSPACES_PATH.matcher(path).matches()) {
            return WORKSPACES;
        }
        if (path.startsWith("/api/")) {
            return DATABASES;
        }
        return PLATFORM;
    }
}
