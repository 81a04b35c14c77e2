package dev.hangar.kernel.database;

/**
 * A database's last password rotation as the read model knows it: which one, and how it ended.
 *
 * @param rotationId    the rotation's id ({@link RotatedPassword#rotationId()})
 * @param outcome       {@code PENDING} until the engine has answered
 * @param failureReason why the engine refused, when {@code FAILED}; else null
 */
public record PasswordRotation(String rotationId, Outcome outcome, String failureReason) {

    public enum Outcome { PENDING, ROTATED, FAILED }

    public boolean isFor(String rotationId) {
        return this.rotationId != null && this.rotationId.equals(rotationId);
    }

    public boolean settled() {
        return outcome != Outcome.PENDING;
    }
}
