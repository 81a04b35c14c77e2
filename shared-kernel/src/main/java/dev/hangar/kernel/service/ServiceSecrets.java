package dev.hangar.kernel.service;

import dev.hangar.kernel.common.SecretBox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A service's environment may hold secrets (a {@code POSTGRES_PASSWORD}), and so may its custom
 * variables: every value of both is kept as SecretBox ciphertext in events and read models, and
 * opened only to answer the tenant or to start the container.
 */
public final class ServiceSecrets {

    private ServiceSecrets() {
    }

    public static ServiceConfig seal(ServiceConfig plain, SecretBox box) {
        return map(plain, box::encrypt);
    }

    public static ServiceConfig open(ServiceConfig sealed, SecretBox box) {
        return map(sealed, box::decrypt);
    }

    public static Map<String, String> open(Map<String, String> sealed, SecretBox box) {
        return values(sealed, box::decrypt);
    }

    private static ServiceConfig map(ServiceConfig config, UnaryOperator<String> f) {
        if (config == null) {
            return null;
        }
        return config.withEnvironment(values(config.environment(), f))
                .withCustomVariables(values(config.customVariables(), f));
    }

    private static Map<String, String> values(Map<String, String> in, UnaryOperator<String> f) {
        if (in == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v == null ? null : f.apply(v)));
        return out;
    }
}
