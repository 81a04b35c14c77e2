package dev.hangar.command.workspace;

/** One instance name per workspace of a tenant, taken and released inside the command's unit of work. */
public interface InstanceNames {

    /** @return false when another instance holds the name */
    boolean take(String tenantId, String workspaceName, String name, String instanceId);

    void release(String tenantId, String workspaceName, String name, String instanceId);
}
