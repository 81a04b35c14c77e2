package dev.hangar.command.service;

import dev.hangar.command.instance.PortAllocator;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.service.CreateService;
import dev.hangar.kernel.service.DeleteService;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.PublishedPort;
import dev.hangar.kernel.service.RecordServiceContainerRemoved;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceCreated;
import dev.hangar.kernel.service.ServiceSecrets;
import dev.hangar.kernel.service.ServiceStatus;
import dev.hangar.kernel.service.StartService;
import dev.hangar.kernel.service.UpdateService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The service commands that span the service, its tenant's services and the host ports: they commit
 * together, so a type or a port is never held by a service that does not exist, nor lost.
 */
@Component
public class ServiceCommandHandler {

    private final Repository<ServiceAggregate> services;
    private final Repository<TenantServices> tenants;
    private final PortAllocator portAllocator;
    private final SecretBox secrets;
    private final ServiceLimits limits;

    public ServiceCommandHandler(Repository<ServiceAggregate> services, Repository<TenantServices> tenants,
                                 PortAllocator portAllocator, SecretBox secrets, ServiceLimits limits) {
        this.services = services;
        this.tenants = tenants;
        this.portAllocator = portAllocator;
        this.secrets = secrets;
        this.limits = limits;
    }

    @CommandHandler
    public void handle(CreateService cmd) throws Exception {
        String type = cmd.type();
        checkType(type);
        checkName(cmd.name());
        checkDescription(cmd.description());
        ServiceConfig merged = ServiceConfigs.check(ServiceConfigs.merge(cmd.templateConfig(), cmd.config()));
        ServiceConfig rendered = ServiceConfigs.check(ServiceConfigs.render(merged, merged.customVariables()));
        tenantServices(cmd.tenantId()).execute(t -> t.add(cmd.tenantId(), type, cmd.serviceId(), limits.maxPerTenant()));
        ServiceCreated created = new ServiceCreated(cmd.serviceId(), cmd.tenantId(), cmd.name(), type,
                cmd.description(), ServiceSecrets.seal(rendered, secrets), cmd.templateId(), cmd.createdBy(),
                GenericEventMessage.clock.instant());
        services.newInstance(() -> new ServiceAggregate(created));
    }

    /** Answers the new deployment when the update redeploys a running service, else null. */
    @CommandHandler
    public DeploymentView handle(UpdateService cmd) throws Exception {
        Aggregate<ServiceAggregate> service = load(cmd.serviceId(), cmd.tenantId());
        String oldType = service.invoke(ServiceAggregate::type);
        String type = cmd.type() == null ? oldType : cmd.type();
        checkType(type);
        if (cmd.name() != null) {
            checkName(cmd.name());
        }
        checkDescription(cmd.description());
        ServiceConfig sealed = service.invoke(ServiceAggregate::config);
        if (cmd.config() != null) {
            ServiceConfig requested = ServiceConfigs.check(cmd.config());
            Map<String, String> variables = requested.customVariables() != null ? requested.customVariables()
                    : ServiceSecrets.open(sealed, secrets).customVariables();
            ServiceConfig rendered = ServiceConfigs.check(ServiceConfigs.render(requested, variables));
            sealed = ServiceSecrets.seal(rendered, secrets);
        }
        if (!type.equalsIgnoreCase(oldType)) {
            String tenantId = cmd.tenantId();
            tenantServices(tenantId).execute(t -> t.retype(tenantId, oldType, type, cmd.serviceId()));
        }
        send(service, new ReviseService(cmd.serviceId(), cmd.name(), type, cmd.description(), sealed, cmd.updatedBy()));
        if (cmd.config() != null && service.invoke(ServiceAggregate::status) == ServiceStatus.RUNNING) {
            assignPorts(service);
            return (DeploymentView) send(service, new DeployService(cmd.serviceId(), UUID.randomUUID().toString(),
                    cmd.updatedBy(), true));
        }
        return null;
    }

    @CommandHandler
    public DeploymentView handle(StartService cmd) {
        Aggregate<ServiceAggregate> service = load(cmd.serviceId(), cmd.tenantId());
        ServiceStatus status = service.invoke(ServiceAggregate::status);
        if (status == ServiceStatus.STOPPED || status == ServiceStatus.FAILED) {
            assignPorts(service);
        }
        return (DeploymentView) send(service, new DeployService(cmd.serviceId(), cmd.deploymentId(), cmd.deployedBy(),
                false));
    }

    @CommandHandler
    public void handle(DeleteService cmd) {
        Aggregate<ServiceAggregate> service = load(cmd.serviceId(), cmd.tenantId());
        if (Boolean.TRUE.equals(send(service, new RemoveService(cmd.serviceId())))) {
            release(service);
        }
    }

    @CommandHandler
    public void handle(RecordServiceContainerRemoved cmd) {
        Aggregate<ServiceAggregate> service = services.load(cmd.serviceId());
        if (Boolean.TRUE.equals(send(service, new RecordContainerRemoval(cmd.serviceId(), cmd.deploymentId())))) {
            release(service);
        }
    }

    private void assignPorts(Aggregate<ServiceAggregate> service) {
        Map<Integer, Integer> held = service.invoke(ServiceAggregate::ports);
        List<PublishedPort> assigned = new ArrayList<>();
        for (Integer containerPort : service.invoke(ServiceAggregate::config).ports()) {
            if (!held.containsKey(containerPort)) {
                assigned.add(new PublishedPort(containerPort, portAllocator.allocate(service.identifierAsString())));
            }
        }
        send(service, new AssignServicePorts(service.identifierAsString(), assigned));
    }

    /** Hands an internal command to the loaded aggregate, in this unit of work. */
    private static Object send(Aggregate<ServiceAggregate> service, Object command) {
        try {
            return service.handle(GenericCommandMessage.asCommandMessage(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void release(Aggregate<ServiceAggregate> service) {
        String serviceId = service.identifierAsString();
        service.invoke(ServiceAggregate::ports).values().forEach(port -> portAllocator.release(port, serviceId));
        String tenantId = service.invoke(ServiceAggregate::tenantId);
        String type = service.invoke(ServiceAggregate::type);
        tenants.load(TenantServices.idOf(tenantId)).execute(t -> t.remove(tenantId, type, serviceId));
    }

    private Aggregate<ServiceAggregate> load(String serviceId, String tenantId) {
        Aggregate<ServiceAggregate> service;
        try {
            service = services.load(serviceId);
        } catch (AggregateNotFoundException e) {
            throw HangarException.notFound("SERVICE_NOT_FOUND", "Service not found");
        }
        service.execute(s -> s.requireTenant(tenantId));
        return service;
    }

    private Aggregate<TenantServices> tenantServices(String tenantId) throws Exception {
        String id = TenantServices.idOf(tenantId);
        return tenants.loadOrCreate(id, () -> new TenantServices(id));
    }

    private static void checkType(String type) {
        if (type == null || !ServiceConfigs.TYPE.matcher(type).matches()) {
            throw ServiceConfigs.invalid("type must be 1-40 letters, digits, '-' or '_'");
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ServiceConfigs.invalid("name is required (at most 100 characters)");
        }
    }

    private static void checkDescription(String description) {
        if (description != null && description.length() > 1000) {
            throw ServiceConfigs.invalid("description holds at most 1000 characters");
        }
    }
}
