package dev.hangar.kernel.workload;

/**
 * An event of a workload's container lifecycle (a database today; compute instances and services
 * next). Each workload's domain events keep their own names and implement the one of these
 * interfaces that says what they mean to the provisioning engine, which drives every workload with
 * one saga.
 */
public interface WorkloadEvent {

    /** The workload's aggregate id, the association of its saga. */
    String workloadId();
}
