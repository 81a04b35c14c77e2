package dev.hangar.kernel.service;

import java.util.List;
import java.util.Map;

/**
 * What a service runs (seed 002's {@code config}). In events and read models the values of
 * {@code environment} and {@code customVariables} are SecretBox ciphertext (see {@link ServiceSecrets});
 * in commands and views they are plain.
 */
public record ServiceConfig(String image, List<Integer> ports, Map<String, String> environment,
                            ServiceResources resources, String nomadJobFile, Map<String, String> customVariables) {

    public ServiceConfig {
        ports = ports == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ports));
        environment = environment == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        customVariables = customVariables == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customVariables));
    }

    public ServiceConfig withEnvironment(Map<String, String> env) {
        return new ServiceConfig(image, ports, env, resources, nomadJobFile, customVariables);
    }

    public ServiceConfig withCustomVariables(Map<String, String> variables) {
        return new ServiceConfig(image, ports, environment, resources, nomadJobFile, variables);
    }
}
