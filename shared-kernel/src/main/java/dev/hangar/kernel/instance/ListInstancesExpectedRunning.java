package dev.hangar.kernel.instance;

/** Every instance whose container should be running (for the reconciler). */
public record ListInstancesExpectedRunning() {
}
