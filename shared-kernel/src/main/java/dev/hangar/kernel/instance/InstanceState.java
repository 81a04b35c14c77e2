package dev.hangar.kernel.instance;

/** The instance as written ({@code view} null once deleted). */
public record InstanceState(String instanceId, InstanceView view) {

    public static InstanceState gone(String instanceId) {
        return new InstanceState(instanceId, null);
    }
}
