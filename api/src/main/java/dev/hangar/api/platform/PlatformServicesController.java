package dev.hangar.api.platform;

import dev.hangar.api.config.HangarProperties;
import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.platform.PlatformDtos.CreateRequest;
import dev.hangar.api.platform.PlatformDtos.Logs;
import dev.hangar.api.platform.PlatformDtos.Metrics;
import dev.hangar.api.platform.PlatformDtos.MetricsAnswer;
import dev.hangar.api.platform.PlatformDtos.Service;
import dev.hangar.api.platform.PlatformDtos.ServiceList;
import dev.hangar.api.platform.PlatformDtos.ServiceSummary;
import dev.hangar.api.platform.PlatformDtos.Started;
import dev.hangar.api.platform.PlatformDtos.StartedDeployment;
import dev.hangar.api.platform.PlatformDtos.UpdateRequest;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.service.CreateService;
import dev.hangar.kernel.service.DeleteService;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.RestartService;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceMetrics;
import dev.hangar.kernel.service.ServiceStatus;
import dev.hangar.kernel.service.ServiceTemplateView;
import dev.hangar.kernel.service.ServiceView;
import dev.hangar.kernel.service.StartService;
import dev.hangar.kernel.service.StopService;
import dev.hangar.kernel.service.UpdateService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 002's services: the caller's tenant's services, deployed as Docker containers. Create and
 * update answer once projected; stop, restart and delete once the container has done it; start at
 * once with the pending deployment.
 */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Platform v1: services")
class PlatformServicesController {

    static final int DEFAULT_TAIL = 100;

    private final CommandGateway commands;
    private final PlatformDirectory directory;
    private final ReadYourWrites consistency;
    private final Duration containerTimeout;
    private final String publicHost;

    PlatformServicesController(CommandGateway commands, PlatformDirectory directory, ReadYourWrites consistency,
                               HangarProperties properties) {
        this.commands = commands;
        this.directory = directory;
        this.consistency = consistency;
        this.containerTimeout = properties.consistency().containerOperationTimeout();
        this.publicHost = properties.publicHost();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Service create(@AuthenticationPrincipal AuthenticatedUser me, @RequestBody CreateRequest body) {
        String tenantId = tenant(me);
        ServiceConfig templateConfig = null;
        String type = body.type();
        String name = body.name();
        if (body.templateId() != null) {
            PlatformIds.require(body.templateId(), "template");
            ServiceTemplateView template = directory.template(body.templateId())
                    .orElseThrow(() -> HangarException.validation("Template not found"));
            templateConfig = template.config();
            type = type == null ? template.type() : type;
            name = name == null ? template.name() : name;
        } else if (body.config() == null) {
            throw HangarException.validation("Invalid input data: config or template_id is required");
        }
        ServiceConfig config = body.config() == null
                ? new ServiceConfig(null, null, null, null, null, body.customVariables())
                : body.config().toKernel(body.customVariables());
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateService(id, tenantId, me.userId(), name, type, body.description(), config,
                body.templateId() == null ? null : body.templateId().toLowerCase(), templateConfig));
        consistency.awaitProjections();
        return Service.of(directory.require(tenantId, id), publicHost);
    }

    @GetMapping
    ServiceList list(@AuthenticationPrincipal AuthenticatedUser me) {
        List<ServiceSummary> services = directory.list(me.tenantId()).stream().map(ServiceSummary::of).toList();
        return new ServiceList(services, services.size());
    }

    @GetMapping("/{id}")
    Service get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        return Service.of(require(me, id), publicHost);
    }

    @PutMapping("/{id}")
    Service update(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id,
                   @RequestBody UpdateRequest body) {
        require(me, id);
        commands.sendAndWait(new UpdateService(id, me.tenantId(), me.userId(), body.name(), body.type(),
                body.description(), body.config() == null ? null : body.config().toKernel(null)));
        consistency.awaitProjections();
        return Service.of(directory.require(me.tenantId(), id), publicHost);
    }

    @DeleteMapping("/{id}")
    PlatformDtos.Message delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        require(me, id);
        commands.sendAndWait(new DeleteService(id, me.tenantId()));
        consistency.awaitProjections();
        directory.awaitState(me.tenantId(), id, v -> v == null, containerTimeout);
        return new PlatformDtos.Message("Service deleted successfully");
    }

    @PostMapping("/{id}/start")
    Started start(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        require(me, id);
        DeploymentView deployment = commands.sendAndWait(new StartService(id, me.tenantId(),
                UUID.randomUUID().toString(), me.userId()));
        consistency.awaitProjections();
        return new Started("Service deployment started", StartedDeployment.of(deployment));
    }

    @PostMapping("/{id}/stop")
    PlatformDtos.Message stop(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        require(me, id);
        commands.sendAndWait(new StopService(id, me.tenantId()));
        consistency.awaitProjections();
        directory.awaitState(me.tenantId(), id, v -> v == null || v.status() != ServiceStatus.STOPPING,
                containerTimeout);
        return new PlatformDtos.Message("Service stopped successfully");
    }

    @PostMapping("/{id}/restart")
    PlatformDtos.Message restart(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        require(me, id);
        commands.sendAndWait(new RestartService(id, me.tenantId()));
        consistency.awaitProjections();
        Optional<ServiceView> after = directory.awaitState(me.tenantId(), id,
                v -> v == null || v.status() != ServiceStatus.RESTARTING, containerTimeout);
        if (after.isPresent() && after.get().status() == ServiceStatus.FAILED) {
            throw HangarException.containerRuntime("Failed to restart service: " + after.get().failureReason());
        }
        return new PlatformDtos.Message("Service restarted successfully");
    }

    @GetMapping("/{id}/logs")
    Logs logs(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id,
              @RequestParam(required = false) String tail, @RequestParam(required = false) String since) {
        ServiceView service = require(me, id);
        int lines = parseTail(tail);
        Instant from = parseSince(since);
        Optional<DeploymentView> deployment = service.latestDeployment();
        if (deployment.isEmpty() || lines == 0) {
            return new Logs(List.of());
        }
        return new Logs(directory.logs(deployment.get().nomadJobId(), lines, from).lines());
    }

    @GetMapping("/{id}/metrics")
    MetricsAnswer metrics(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        ServiceView service = require(me, id);
        Optional<DeploymentView> deployment = service.latestDeployment();
        boolean running = service.status() == ServiceStatus.RUNNING;
        ServiceMetrics m = directory.metrics(running && deployment.isPresent() ? deployment.get().nomadJobId() : null);
        if (!running) {
            String allocation = deployment.map(DeploymentView::containerId).orElse(null);
            return new MetricsAnswer(new Metrics(0, 0, allocation, service.status().key(), m.nodeId()));
        }
        return new MetricsAnswer(new Metrics(m.cpuUsage(), m.memoryUsage(), m.allocationId(), m.allocationStatus(),
                m.nodeId()));
    }

    private ServiceView require(AuthenticatedUser me, String id) {
        PlatformIds.require(id, "service");
        return directory.require(me.tenantId(), id);
    }

    private static String tenant(AuthenticatedUser me) {
        if (me.tenantId() == null) {
            throw HangarException.validation("Invalid input data: this account belongs to no tenant");
        }
        return me.tenantId();
    }

    static int parseTail(String tail) {
        if (tail == null || tail.isBlank()) {
            return DEFAULT_TAIL;
        }
        try {
            int n = Integer.parseInt(tail.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw HangarException.validation("Invalid input data: tail must be a whole number of lines");
        }
    }

    /** An RFC 3339 instant or Unix seconds. */
    static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(since.trim()));
        } catch (NumberFormatException | java.time.DateTimeException notSeconds) {
            try {
                return Instant.parse(since.trim());
            } catch (DateTimeParseException e) {
                throw HangarException.validation("Invalid input data: since must be an RFC 3339 time or Unix seconds");
            }
        }
    }
}
