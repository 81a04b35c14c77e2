package dev.hangar.kernel.service;

/** A service's state as seed 002 shows it ({@code stopped}, {@code running}, ...); {@link #key} is the wire word. */
public enum ServiceStatus {
    STOPPED, DEPLOYING, RUNNING, RESTARTING, STOPPING, FAILED, DELETING, DELETED;

    public String key() {
        return name().toLowerCase();
    }
}
