package dev.hangar.kernel.workload;

/** Asks how the provisioning engine is doing: its queues, what it did and what it gave up on. */
public record FindProvisioningHealth() {
}
