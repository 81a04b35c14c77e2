package dev.hangar.kernel.service;

/** One deployment's state: {@code pending} until its container runs, then {@code completed}, or {@code failed}. */
public enum DeploymentStatus {
    PENDING, COMPLETED, FAILED;

    public String key() {
        return name().toLowerCase();
    }
}
