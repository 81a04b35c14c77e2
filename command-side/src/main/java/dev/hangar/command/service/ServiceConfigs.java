package dev.hangar.command.service;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.Passwords;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's config from its template and the request, placeholders rendered, checked. Rendering
 * replaces {@code {{NAME}}} in environment values with the custom variable {@code NAME}, as plain
 * text: no expression language, no escaping, and the result only ever reaches the container's
 * environment through the engine's API, never a shell. A placeholder without a value is refused,
 * except a secret ({@code *_PASSWORD}, {@code *_SECRET}), which is generated (one value per name).
 */
final class ServiceConfigs {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    static final Pattern TYPE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$");
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");
    private static final Pattern IMAGE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$");
    static final int MAX_PORTS = 8;
    static final int MAX_ENV = 100;
    static final int MAX_VALUE = 4096;
    static final int MAX_CPU = 64_000;
    static final int MAX_MEMORY = 65_536;
    static final int MAX_DISK = 1_048_576;

    private ServiceConfigs() {
    }

    /** The template's config with the request's fields over it; null without either. */
    static ServiceConfig merge(ServiceConfig template, ServiceConfig request) {
        if (template == null) {
            return request;
        }
        if (request == null) {
            return template;
        }
        Map<String, String> env = new LinkedHashMap<>(template.environment());
        env.putAll(request.environment());
        return new ServiceConfig(
                request.image() != null ? request.image() : template.image(),
                !request.ports().isEmpty() ? request.ports() : template.ports(),
                env,
                request.resources() != null ? request.resources() : template.resources(),
                request.nomadJobFile() != null ? request.nomadJobFile() : template.nomadJobFile(),
                request.customVariables());
    }

    /** Renders the environment's placeholders with {@code variables}; custom variables are kept as given. */
    static ServiceConfig render(ServiceConfig config, Map<String, String> variables) {
        Map<String, String> vars = variables == null ? Map.of() : variables;
        Map<String, String> generated = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        config.environment().forEach((name, value) -> env.put(name, value == null ? null : fill(value, vars, generated)));
        return config.withEnvironment(env);
    }

    private static String fill(String value, Map<String, String> vars, Map<String, String> generated) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = vars.get(name);
            if (replacement == null) {
                if (isSecret(name)) {
                    replacement = generated.computeIfAbsent(name, n -> Passwords.generate(24));
                } else {
                    throw HangarException.validation("Missing value for template variable " + name);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean isSecret(String name) {
        return name.endsWith("_PASSWORD") || name.endsWith("_SECRET");
    }

    /** Refuses what cannot run: 400 "Invalid input data: ..." naming the field. */
    static ServiceConfig check(ServiceConfig config) {
        if (config == null) {
            throw invalid("config is required");
        }
        if (config.image() == null || !IMAGE.matcher(config.image()).matches()) {
            throw invalid("config.image must be an image reference");
        }
        List<Integer> ports = config.ports();
        if (ports.size() > MAX_PORTS || ports.stream().anyMatch(p -> p == null || p < 1 || p > 65535)
                || ports.stream().distinct().count() != ports.size()) {
            throw invalid("config.ports must hold at most " + MAX_PORTS + " distinct ports 1-65535");
        }
        if (config.environment().size() > MAX_ENV) {
            throw invalid("config.environment holds at most " + MAX_ENV + " variables");
        }
        config.environment().forEach((k, v) -> {
            if (k == null || !ENV_NAME.matcher(k).matches()) {
                throw invalid("config.environment names must be letters, digits and '_'");
            }
            if (v == null || v.length() > MAX_VALUE || v.indexOf('\0') >= 0) {
                throw invalid("config.environment." + k + " must be a string of at most " + MAX_VALUE + " characters");
            }
        });
        if (config.customVariables() != null) {
            if (config.customVariables().size() > MAX_ENV) {
                throw invalid("config.custom_variables holds at most " + MAX_ENV + " variables");
            }
            config.customVariables().forEach((k, v) -> {
                if (k == null || !ENV_NAME.matcher(k).matches() || v == null || v.length() > MAX_VALUE) {
                    throw invalid("config.custom_variables must map names to strings of at most " + MAX_VALUE
                            + " characters");
                }
            });
        }
        ServiceResources r = config.resources();
        if (r != null && (r.cpu() < 0 || r.cpu() > MAX_CPU || r.memory() < 0 || r.memory() > MAX_MEMORY
                || (r.memory() > 0 && r.memory() < 8) || r.disk() < 0 || r.disk() > MAX_DISK)) {
            throw invalid("config.resources: cpu 0-" + MAX_CPU + " MHz, memory 0 or 8-" + MAX_MEMORY + " MiB, disk 0-"
                    + MAX_DISK + " MiB");
        }
        if (config.nomadJobFile() != null && config.nomadJobFile().length() > 255) {
            throw invalid("config.nomad_job_file holds at most 255 characters");
        }
        return config;
    }

    static HangarException invalid(String detail) {
        return HangarException.validation("Invalid input data: " + detail);
    }
}
