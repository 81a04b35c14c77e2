package dev.hangar.saga.runtime;

/** The labels Hangar puts on every container and volume it makes. */
public final class Labels {

    public static final String INSTANCE_ID = "hangar.instance-id";
    public static final String OWNER = "hangar.owner";
    public static final String ENGINE = "hangar.engine";
    /** What the container is: {@code instance} for a compute instance, {@code service} for a service; absent on database containers. */
    public static final String KIND = "hangar.kind";

    private Labels() {
    }
}
