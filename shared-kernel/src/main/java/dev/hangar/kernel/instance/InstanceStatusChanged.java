package dev.hangar.kernel.instance;

import java.time.Instant;

/**
 * Every event that changes a compute instance's status carries what a notification needs: the
 * instance, its name and owner, the status before and after, why (failures) and the instance's
 * webhook URL at that moment (null for none).
 */
public interface InstanceStatusChanged {

    String instanceId();

    String ownerId();

    String name();

    /** Null for the request that made the instance. */
    InstanceStatus previousStatus();

    InstanceStatus status();

    /** Why, for a failure; null otherwise. */
    String reason();

    String webhookUrl();

    Instant at();
}
