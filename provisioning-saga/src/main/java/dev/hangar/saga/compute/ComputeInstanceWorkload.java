package dev.hangar.saga.compute;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.instance.CompleteInstanceDeletion;
import dev.hangar.kernel.instance.FailInstance;
import dev.hangar.kernel.instance.FailInstanceStart;
import dev.hangar.kernel.instance.InstancePort;
import dev.hangar.kernel.instance.InstanceRequested;
import dev.hangar.kernel.instance.MarkInstanceRunning;
import dev.hangar.kernel.instance.MarkInstanceStarted;
import dev.hangar.kernel.instance.MarkInstanceStopped;
import dev.hangar.kernel.instance.PublishedPort;
import dev.hangar.kernel.instance.RecordInstanceProgress;
import dev.hangar.kernel.workload.HealthCheck;
import dev.hangar.saga.provisioning.ProvisioningSettings;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.ContainerSpec;
import dev.hangar.saga.runtime.Labels;
import dev.hangar.saga.workload.WorkloadType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compute instance as a workload: its template's image with every template port published on a host
 * port the engine chooses, its GPUs as device requests when the host has them, a named volume at
 * {@code /workspace}, and a real health check: an HTTP request to a {@code jupyter}/{@code http} port
 * (any HTTP answer below 500 passes), an SSH banner from an {@code ssh} port, a TCP connection
 * otherwise. A create that fails keeps its container for a later start.
 */
public class ComputeInstanceWorkload implements WorkloadType<InstanceRequested> {

    public static final String KIND = "instance";
    public static final String VOLUME_PATH = "/workspace";
    public static final String TOKEN_ENV = "HANGAR_WORKSPACE_TOKEN";

    private final ContainerRuntime runtime;
    private final SecretBox secrets;
    private final ProvisioningSettings settings;

    public ComputeInstanceWorkload(ContainerRuntime runtime, SecretBox secrets, ProvisioningSettings settings) {
        this.runtime = runtime;
        this.secrets = secrets;
        this.settings = settings;
    }

    @Override
    public Class<InstanceRequested> requestType() {
        return InstanceRequested.class;
    }

    @Override
    public String host(InstanceRequested request) {
        return request.host() == null ? "local" : request.host();
    }

    @Override
    public String initialSecret(InstanceRequested request) {
        return request.tokenCiphertext();
    }

    @Override
    public String containerName(InstanceRequested request) {
        return request.containerName();
    }

    @Override
    public String volumeName(InstanceRequested request) {
        return request.volumeName();
    }

    @Override
    public boolean keepsFailedContainer() {
        return true;
    }

    @Override
    public ContainerSpec containerSpec(InstanceRequested r, String secretCiphertext) {
        List<Integer> ports = r.ports() == null ? List.of() : r.ports().stream().map(InstancePort::port).toList();
        return new ContainerSpec(r.containerName(), r.image(), Map.of(TOKEN_ENV, secrets.decrypt(secretCiphertext)),
                List.of(), Map.of(Labels.INSTANCE_ID, r.instanceId(), Labels.OWNER, r.ownerId(), Labels.KIND, KIND),
                0, settings.publishIp(), 0, r.volumeName(), VOLUME_PATH, r.memoryBytes(), cpuLimit(r.nanoCpus()),
                new ContainerSpec.Isolation(ContainerSpec.Isolation.networkOf(r.containerName()),
                        ContainerSpec.Isolation.WORKSPACE_CAPABILITIES, r.pidsLimit()))
                .withMorePorts(ports, r.gpuAttached() ? r.gpuNum() : 0);
    }

    /** The instance's CPUs, at most as many as the host has (the engine refuses more). */
    long cpuLimit(long nanoCpus) {
        int host = runtime.hostCpus();
        return host > 0 ? Math.min(nanoCpus, host * 1_000_000_000L) : nanoCpus;
    }

    @Override
    public boolean ready(InstanceRequested request, String secretCiphertext) {
        return ready(request, secretCiphertext, request.healthCheck());
    }

    @Override
    public boolean ready(InstanceRequested r, String secretCiphertext, HealthCheck check) {
        HealthCheck c = check != null ? check : HealthCheck.DEFAULT;
        InstancePort target = target(r, c);
        if (target == null) {
            return true; // nothing to probe: running is ready
        }
        Integer hostPort = runtime.publishedPorts(r.containerName()).get(target.port());
        if (hostPort == null) {
            return false;
        }
        int timeout = c.timeoutMs();
        return switch (target.type() == null ? "" : target.type()) {
            case "jupyter", "http" -> Probes.http(settings.engineHost(), hostPort, timeout);
            case "ssh" -> Probes.banner(settings.engineHost(), hostPort, timeout, "SSH-");
            default -> Probes.tcp(settings.engineHost(), hostPort, timeout);
        };
    }

    /** The health check's target port if the template has it (else as a plain TCP port), else the first jupyter/http port, else the first. */
    static InstancePort target(InstanceRequested r, HealthCheck c) {
        List<InstancePort> ports = r.ports() == null ? List.of() : r.ports();
        if (c.targetPort() != null) {
            return ports.stream().filter(p -> p.port() == c.targetPort()).findFirst()
                    .orElse(new InstancePort(c.targetPort(), "tcp"));
        }
        return ports.stream().filter(p -> "jupyter".equals(p.type()) || "http".equals(p.type())).findFirst()
                .orElse(ports.isEmpty() ? null : ports.get(0));
    }

    /** The template's ports as the engine published them now. */
    List<PublishedPort> published(InstanceRequested r) {
        Map<Integer, Integer> bound = runtime.publishedPorts(r.containerName());
        List<PublishedPort> out = new ArrayList<>();
        for (InstancePort p : r.ports() == null ? List.<InstancePort>of() : r.ports()) {
            Integer hostPort = bound.get(p.port());
            if (hostPort != null) {
                out.add(new PublishedPort(p.port(), hostPort, p.type()));
            }
        }
        return out;
    }

    @Override
    public Object progress(InstanceRequested r, String message) {
        return new RecordInstanceProgress(r.instanceId(), message);
    }

    @Override
    public Object provisioned(InstanceRequested r, String containerId) {
        return new MarkInstanceRunning(r.instanceId(), containerId, published(r));
    }

    @Override
    public Object provisioningFailed(InstanceRequested r, String reason) {
        return new FailInstance(r.instanceId(), reason);
    }

    @Override
    public Object stopped(InstanceRequested r) {
        return new MarkInstanceStopped(r.instanceId());
    }

    @Override
    public Object started(InstanceRequested r, String containerId) {
        return new MarkInstanceStarted(r.instanceId(), containerId, published(r));
    }

    @Override
    public Object startFailed(InstanceRequested r, String reason) {
        return new FailInstanceStart(r.instanceId(), reason);
    }

    @Override
    public Object removed(InstanceRequested r) {
        return new CompleteInstanceDeletion(r.instanceId());
    }

    @Override
    public Object secretRotated(InstanceRequested r, String rotationId) {
        throw new UnsupportedOperationException("compute instances have no secret rotation");
    }

    @Override
    public Object secretRotationAbandoned(InstanceRequested r, String rotationId, String reason) {
        throw new UnsupportedOperationException("compute instances have no secret rotation");
    }

    /** Real probes, each bounded by its timeout; any failure is "not yet". */
    static final class Probes {

        private Probes() {
        }

        /** A real HTTP answer (status below 500) to {@code GET /}. */
        static boolean http(String host, int port, int timeoutMs) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMs);
                socket.setSoTimeout(timeoutMs);
                OutputStream out = socket.getOutputStream();
                out.write(("GET / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String line = readLine(socket.getInputStream());
                if (line == null || !line.startsWith("HTTP/")) {
                    return false;
                }
                String[] parts = line.split(" ");
                return parts.length > 1 && Integer.parseInt(parts[1]) < 500;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** The server speaks first with {@code prefix} (an SSH server's banner). */
        static boolean banner(String host, int port, int timeoutMs, String prefix) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMs);
                socket.setSoTimeout(timeoutMs);
                String line = readLine(socket.getInputStream());
                return line != null && line.startsWith(prefix);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        static boolean tcp(String host, int port, int timeoutMs) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMs);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n' && sb.length() < 512) {
                sb.append((char) c);
            }
            return c == -1 && sb.length() == 0 ? null : sb.toString().trim();
        }
    }
}
