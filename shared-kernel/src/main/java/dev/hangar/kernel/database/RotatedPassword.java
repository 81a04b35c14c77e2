package dev.hangar.kernel.database;

/** The answer to RotateDatabasePassword; the engine is changed by the provisioning saga. */
public record RotatedPassword(String instanceId, String rotationId, String username, String newPassword) {
    @Override
    public String toString() {
        return "RotatedPassword[instanceId=" + instanceId + ", rotationId=" + rotationId + ", newPassword=***]";
    }
}
