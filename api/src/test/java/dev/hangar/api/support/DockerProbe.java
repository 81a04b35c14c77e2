package dev.hangar.api.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Looks at the Docker engine the way an operator would, with the docker CLI. */
public final class DockerProbe {

    private DockerProbe() {
    }

    public static List<String> containers(String labelFilter) {
        return lines("docker", "ps", "-aq", "--filter", "label=" + labelFilter);
    }

    public static List<String> volumes(String labelFilter) {
        return lines("docker", "volume", "ls", "-q", "--filter", "label=" + labelFilter);
    }

    public static void kill(String container) {
        lines("docker", "kill", container);
    }

    public static void remove(String container) {
        lines("docker", "rm", "-f", container);
    }

    public static List<String> lines(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return Arrays.stream(out.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
