package dev.hangar.saga.workload;

/**
 * The payload of every workload deadline: which wait of the saga it belongs to. The saga never
 * cancels a deadline (a cancel can race the deadline's own execution); it moves its generation on
 * instead, and a deadline of an earlier generation is ignored when it comes due.
 */
public record Due(String workloadId, long generation) {
}
