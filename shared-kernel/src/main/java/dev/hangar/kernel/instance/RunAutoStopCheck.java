package dev.hangar.kernel.instance;

/**
 * Asks for one auto-stop check now: every running instance of {@code ownerId} (null: of every owner,
 * an admin's trigger) is asked whether it is idle; a {@code dryRun} records the idle ones and stops none.
 */
public record RunAutoStopCheck(String runId, String requestedBy, String ownerId, boolean dryRun) {
}
