package dev.hangar.saga.autostop;

/** The payload of an auto-stop look: the running period (generation) of the instance it belongs to. */
public record AutoStopDue(String instanceId, long generation) {
}
