package dev.hangar.kernel.instance;

/**
 * The answer to {@link CreateInstance}: the id and the workspace's token (Jupyter's token, root's
 * password for SSH and the web terminal). The token leaves Hangar here only; it is stored encrypted.
 */
public record InstanceCreated(String instanceId, String accessToken) {

    @Override
    public String toString() {
        return "InstanceCreated[instanceId=" + instanceId + "]";
    }
}
