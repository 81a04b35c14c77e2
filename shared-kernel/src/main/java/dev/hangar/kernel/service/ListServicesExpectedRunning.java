package dev.hangar.kernel.service;

/** Every tenant's services whose container should be running (for the reconciler). */
public record ListServicesExpectedRunning() {
}
