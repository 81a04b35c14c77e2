package dev.hangar.api.instances;

import static dev.hangar.api.instances.InstancesDtos.map;

import dev.hangar.api.config.HangarProperties;
import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.instances.InstancesDtos.CreateRequest;
import dev.hangar.api.instances.InstancesDtos.PatchRequest;
import dev.hangar.api.instances.InstancesDtos.StartRequest;
import dev.hangar.api.instances.InstancesDtos.StopRequest;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.instance.CreateInstance;
import dev.hangar.kernel.instance.DeleteInstance;
import dev.hangar.kernel.instance.InstanceCatalog;
import dev.hangar.kernel.instance.InstanceCreated;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.kernel.instance.ReadyTimeEstimate;
import dev.hangar.kernel.instance.RenameInstance;
import dev.hangar.kernel.instance.StartInstance;
import dev.hangar.kernel.instance.StopInstance;
import dev.hangar.kernel.webhook.WebhookUrls;
import dev.hangar.kernel.workload.HealthCheck;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compute instances (seeds 001 + 004): create answers at once with {@code creating}; start answers 202
 * with {@code starting}; stop, delete and a PATCH to {@code stopped} answer once the container has
 * stopped or is gone. Ids and names are the caller's own: any other answers 404.
 */
@RestController
@RequestMapping("/api/instances")
@Tag(name = "Instances")
class InstancesController {

    private static final Set<String> SOURCES = Set.of("all", "local", "novita", "provider");

    private final CommandGateway commands;
    private final InstanceDirectory directory;
    private final ReadYourWrites consistency;
    private final InstanceCatalog catalog;
    private final String publicHost;
    private final Duration containerTimeout;
    private final InstanceReality reality;

    InstancesController(CommandGateway commands, InstanceDirectory directory, ReadYourWrites consistency,
                        InstanceCatalog catalog, HangarProperties properties, InstanceReality reality) {
        this.reality = reality;
        this.commands = commands;
        this.directory = directory;
        this.consistency = consistency;
        this.catalog = catalog;
        this.publicHost = properties.publicHost();
        this.containerTimeout = properties.consistency().containerOperationTimeout();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody CreateRequest body) {
        validateWebhook(body.webhookUrl());
        InstanceCreated created = commands.sendAndWait(new CreateInstance(UUID.randomUUID().toString(), me.userId(),
                body.name(), blankToNull(body.region()), blankToNull(body.instanceType()), blankToNull(body.productName()),
                blankToNull(body.templateId()), body.gpuNum(), body.rootfsSize(), blankToNull(body.webhookUrl()),
                body.healthCheckConfig() == null ? null : body.healthCheckConfig().toHealthCheck(null),
                body.autoStopMinutes()));
        consistency.awaitProjections();
        InstanceView view = directory.require(me.userId(), created.instanceId());
        Map<String, Object> answer = map("instanceId", view.id(), "status", view.status().wire(),
                "message", "Instance creation initiated successfully",
                "estimatedReadyTime", estimatedReadyTime(view.templateId(), view.createdAt()),
                "accessToken", created.accessToken(),
                "instance", InstancesDtos.seed001(view, publicHost));
        return answer;
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal AuthenticatedUser me,
                             @RequestParam(required = false) String source,
                             @RequestParam(required = false) Boolean includeNovitaOnly,
                             @RequestParam(required = false) Boolean syncLocalState) {
        if (source != null && !SOURCES.contains(source.toLowerCase(Locale.ROOT))) {
            throw HangarException.validation("Unknown source '" + source + "' (all, local, novita, provider)");
        }
        if (Boolean.TRUE.equals(syncLocalState)) {
            reality.sync(me.userId());
        }
        List<Map<String, Object>> instances = directory.list(me.userId()).stream()
                .map(v -> InstancesDtos.flat(v, publicHost, false)).toList();
        return map("instances", instances, "total", instances.size());
    }

    /**
     * Seed 004's comprehensive listing: the read model merged with the engine's live view; engine-only
     * containers (labelled for the caller, no instance) unless {@code includeNovitaOnly=false}.
     */
    @GetMapping("/comprehensive")
    Map<String, Object> comprehensive(@AuthenticationPrincipal AuthenticatedUser me,
                                      @RequestParam(defaultValue = "true") boolean includeNovitaOnly,
                                      @RequestParam(defaultValue = "false") boolean syncLocalState) {
        long start = System.nanoTime();
        InstanceReality.Listing listing = reality.list(me.userId(), includeNovitaOnly, syncLocalState);
        List<Map<String, Object>> instances = new java.util.ArrayList<>();
        Map<String, Integer> sources = new java.util.LinkedHashMap<>(Map.of("local", 0, "novita", 0, "merged", 0));
        for (InstanceReality.Entry e : listing.entries()) {
            Map<String, Object> item;
            if (e.view() == null) {
                item = InstanceReality.engineOnly(e.container(), listing.syncedAt());
            } else {
                item = InstancesDtos.flat(e.view(), publicHost, false);
                item.put("source", e.source());
                item.put("dataConsistency", e.consistency());
                item.put("engineState", e.container() == null ? null : e.container().state());
                item.put("lastSyncedAt", listing.syncedAt());
            }
            sources.merge(e.source(), 1, Integer::sum);
            instances.add(item);
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        return map("instances", instances, "total", instances.size(),
                "sources", sources,
                "synced", listing.synced(),
                "performance", map("totalRequestTime", total, "novitaApiTime", listing.engineMillis(),
                        "localDataTime", listing.localMillis(), "mergeProcessingTime", listing.mergeMillis(),
                        "cacheHitRatio", null));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        return InstancesDtos.flat(directory.require(me.userId(), id), publicHost, true);
    }

    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> start(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id,
                              @Valid @RequestBody(required = false) StartRequest body) {
        validateWebhook(body == null ? null : blankToNull(body.webhookUrl()));
        return start(me, directory.require(me.userId(), id), body);
    }

    @PostMapping("/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> startByName(@AuthenticationPrincipal AuthenticatedUser me,
                                    @Valid @RequestBody StartRequest body) {
        validateWebhook(blankToNull(body.webhookUrl()));
        return start(me, directory.requireByName(me.userId(), requireName(body.instanceName())), body);
    }

    @PostMapping("/{id}/stop")
    Map<String, Object> stop(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id,
                             @Valid @RequestBody(required = false) StopRequest body) {
        validateWebhook(body == null ? null : blankToNull(body.webhookUrl()));
        return stop(me, directory.require(me.userId(), id), body == null ? null : body.webhookUrl());
    }

    @PostMapping("/stop")
    Map<String, Object> stopByName(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody StopRequest body) {
        validateWebhook(blankToNull(body.webhookUrl()));
        return stop(me, directory.requireByName(me.userId(), requireName(body.instanceName())), body.webhookUrl());
    }

    /** Seed 001: {@code name} and/or {@code status} ({@code stopped} stops and waits, {@code running} starts). */
    @PatchMapping("/{id}")
    Map<String, Object> patch(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id,
                              @Valid @RequestBody PatchRequest body) {
        if (body.name() == null && body.status() == null) {
            throw HangarException.validation("At least one of name and status is required");
        }
        boolean stop = InstancesDtos.isStatus(body.status(), InstanceStatus.STOPPED);
        boolean start = InstancesDtos.isStatus(body.status(), InstanceStatus.RUNNING);
        if (body.status() != null && !stop && !start) {
            throw HangarException.validation("status must be 'running' or 'stopped'");
        }
        InstanceView view = directory.require(me.userId(), id);
        if (body.name() != null) {
            commands.sendAndWait(new RenameInstance(id, body.name()));
        }
        if (stop) {
            stop(me, view, null);
        } else if (start) {
            commands.sendAndWait(new StartInstance(id, null, null));
        }
        consistency.awaitProjections();
        return map("instance", InstancesDtos.seed001(directory.require(me.userId(), id), publicHost));
    }

    /** Answers once container and volume are gone and the slot is free. */
    @DeleteMapping("/{id}")
    Map<String, Object> delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        directory.require(me.userId(), id);
        commands.sendAndWait(new DeleteInstance(id));
        consistency.awaitProjections();
        directory.awaitState(me.userId(), id, v -> v == null, containerTimeout);
        consistency.awaitProjections(); // the freed slot, in the subscriptions read model
        return map("success", true);
    }

    private Map<String, Object> start(AuthenticatedUser me, InstanceView view, StartRequest body) {
        HealthCheck check = body == null ? null : body.healthCheck();
        String webhookUrl = body == null ? null : blankToNull(body.webhookUrl());
        commands.sendAndWait(new StartInstance(view.id(), check, webhookUrl));
        consistency.awaitProjections();
        InstanceView now = directory.require(me.userId(), view.id());
        boolean running = now.status() == InstanceStatus.RUNNING;
        return map("instanceId", now.id(), "novitaInstanceId", now.containerId(),
                "operationId", "op_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "status", now.status().wire(),
                "message", running ? "Instance is already running" : "Instance start initiated successfully",
                "estimatedReadyTime", running ? now.readyAt() : estimatedReadyTime(now.templateId(), Instant.now()));
    }

    private Map<String, Object> stop(AuthenticatedUser me, InstanceView view, String webhookUrl) {
        commands.sendAndWait(new StopInstance(view.id(), blankToNull(webhookUrl)));
        consistency.awaitProjections();
        InstanceView now = directory.awaitState(me.userId(), view.id(),
                v -> v == null || v.status() != InstanceStatus.STOPPING, containerTimeout)
                .orElseThrow(() -> new HangarException(HangarException.Kind.NOT_FOUND, "INSTANCE_NOT_FOUND",
                        "Instance not found"));
        return map("instanceId", now.id(), "novitaInstanceId", now.containerId(),
                "operationId", "op_stop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "status", now.status().wire(),
                "message", "Instance stop completed successfully");
    }

    /** From the measured create-to-running times of the template; the catalog's initial guess before any. */
    private Instant estimatedReadyTime(String templateId, Instant from) {
        ReadyTimeEstimate estimate = directory.readyTime(templateId);
        long millis = estimate.averageMillis() != null ? estimate.averageMillis()
                : catalog.initialReadyEstimate().toMillis();
        return from.plusMillis(millis);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw HangarException.validation("instanceName is required");
        }
        return name;
    }

    /** 400 VALIDATION_ERROR with the kernel's reason for a URL no webhook may have. */
    private static void validateWebhook(String url) {
        if (url != null) {
            WebhookUrls.require(url);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
