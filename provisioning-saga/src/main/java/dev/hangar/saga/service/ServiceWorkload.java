package dev.hangar.saga.service;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.service.CompleteServiceDeployment;
import dev.hangar.kernel.service.CompleteServiceRestart;
import dev.hangar.kernel.service.FailServiceDeployment;
import dev.hangar.kernel.service.FailServiceRestart;
import dev.hangar.kernel.service.PublishedPort;
import dev.hangar.kernel.service.RecordServiceContainerRemoved;
import dev.hangar.kernel.service.RecordServiceContainerStopped;
import dev.hangar.kernel.service.ServiceDeploymentRequested;
import dev.hangar.kernel.service.ServiceSecrets;
import dev.hangar.saga.provisioning.ProvisioningSettings;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.ContainerSpec;
import dev.hangar.saga.runtime.ContainerState;
import dev.hangar.saga.runtime.Labels;
import dev.hangar.saga.workload.WorkloadType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service deployment as a workload: the container its config describes (environment opened
 * only here, ports published on the service's host ports, memory and CPU from
 * {@code config.resources}), fenced in like a database's; ready once its first published port holds
 * a connection open (a port whose container does not listen yet is closed at once by the engine's
 * proxy), or, without ports, once it runs. Outcomes go to the Service aggregate.
 */
public class ServiceWorkload implements WorkloadType<ServiceDeploymentRequested> {

    /** The {@link Labels#KIND} of a service's container, so drift is reported to its service rather than to a database. */
    public static final String KIND = "service";
    public static final String DEPLOYMENT_LABEL = "hangar.deployment-id";
    private static final int PROBE_MILLIS = 1000;
    private static final int HOLD_MILLIS = 300;

    private final ContainerRuntime runtime;
    private final SecretBox secrets;
    private final ProvisioningSettings settings;

    public ServiceWorkload(ContainerRuntime runtime, SecretBox secrets, ProvisioningSettings settings) {
        this.runtime = runtime;
        this.secrets = secrets;
        this.settings = settings;
    }

    @Override
    public Class<ServiceDeploymentRequested> requestType() {
        return ServiceDeploymentRequested.class;
    }

    @Override
    public String containerName(ServiceDeploymentRequested r) {
        return r.containerName();
    }

    @Override
    public String volumeName(ServiceDeploymentRequested r) {
        return null;
    }

    @Override
    public ContainerSpec containerSpec(ServiceDeploymentRequested r, String secretCiphertext) {
        Map<String, String> labels = Map.of(Labels.INSTANCE_ID, r.serviceId(), Labels.OWNER, r.tenantId(),
                Labels.KIND, KIND, DEPLOYMENT_LABEL, r.deploymentId());
        List<PublishedPort> ports = r.ports();
        int containerPort = ports.isEmpty() ? 0 : ports.get(0).containerPort();
        int hostPort = ports.isEmpty() ? 0 : ports.get(0).hostPort();
        Map<Integer, Integer> more = new LinkedHashMap<>();
        ports.stream().skip(1).forEach(p -> more.put(p.containerPort(), p.hostPort()));
        return new ContainerSpec(r.containerName(), r.image(), ServiceSecrets.open(r.environment(), secrets), List.of(),
                labels, containerPort, settings.publishIp(), hostPort, null, null, r.memoryBytes(), r.nanoCpus())
                .withMorePorts(more)
                .withIsolation(new ContainerSpec.Isolation(ContainerSpec.Isolation.networkOf(r.containerName()),
                        ContainerSpec.Isolation.SERVICE_CAPABILITIES, ContainerSpec.Isolation.pidsLimit(r.memoryBytes())));
    }

    @Override
    public boolean ready(ServiceDeploymentRequested r, String secretCiphertext) {
        Optional<ContainerState> state = runtime.inspect(r.containerName());
        if (state.isEmpty() || !state.get().running()) {
            return false;
        }
        return r.ports().isEmpty() || holdsConnection(settings.engineHost(), r.ports().get(0).hostPort());
    }

    /** Connects and waits briefly: closed at once means nobody listens behind the published port yet. */
    static boolean holdsConnection(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
            socket.setSoTimeout(HOLD_MILLIS);
            InputStream in = socket.getInputStream();
            try {
                return in.read() != -1;
            } catch (SocketTimeoutException stillOpen) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Object provisioned(ServiceDeploymentRequested r, String containerId) {
        return new CompleteServiceDeployment(r.serviceId(), r.deploymentId(), containerId);
    }

    @Override
    public Object provisioningFailed(ServiceDeploymentRequested r, String reason) {
        return new FailServiceDeployment(r.serviceId(), r.deploymentId(), reason);
    }

    @Override
    public Object stopped(ServiceDeploymentRequested r) {
        return new RecordServiceContainerStopped(r.serviceId(), r.deploymentId());
    }

    @Override
    public Object started(ServiceDeploymentRequested r, String containerId) {
        return new CompleteServiceRestart(r.serviceId(), r.deploymentId(), containerId);
    }

    @Override
    public Object startFailed(ServiceDeploymentRequested r, String reason) {
        return new FailServiceRestart(r.serviceId(), r.deploymentId(), reason);
    }

    @Override
    public Object removed(ServiceDeploymentRequested r) {
        return new RecordServiceContainerRemoved(r.serviceId(), r.deploymentId());
    }

    @Override
    public Object secretRotated(ServiceDeploymentRequested r, String rotationId) {
        throw new UnsupportedOperationException("a service has no secret rotation");
    }

    @Override
    public Object secretRotationAbandoned(ServiceDeploymentRequested r, String rotationId, String reason) {
        throw new UnsupportedOperationException("a service has no secret rotation");
    }
}
