package dev.hangar.api.instances;

import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.kernel.instance.InspectInstanceContainers;
import dev.hangar.kernel.instance.InstanceContainers;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.kernel.instance.RecordInstanceContainerExited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The owner's instances as the read model holds them, merged with what the engine runs (issue 13):
 * each instance is {@code merged} (both know it), {@code local} (no container), or {@code novita}
 * (a container labelled for the owner that no instance owns). A running instance whose container is
 * gone or not running is a difference the sync turns into the event the drift watcher records
 * ({@link RecordInstanceContainerExited}: the instance becomes failed), so both agree afterwards.
 */
@Component
class InstanceReality {

    record Entry(InstanceView view, InstanceContainers.Container container, String source, String consistency) {
    }

    record Listing(List<Entry> entries, Instant syncedAt, long engineMillis, long localMillis, long mergeMillis,
                   List<Map<String, Object>> synced) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final InstanceDirectory directory;
    private final ReadYourWrites consistency;

    InstanceReality(CommandGateway commands, QueryGateway queries, InstanceDirectory directory,
                    ReadYourWrites consistency) {
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
        this.consistency = consistency;
    }

    Listing list(String ownerId, boolean includeEngineOnly, boolean sync) {
        List<Map<String, Object>> synced = sync ? sync(ownerId) : List.of();
        long t0 = System.nanoTime();
        List<InstanceView> local = directory.list(ownerId);
        long t1 = System.nanoTime();
        InstanceContainers engine = engine(ownerId);
        long t2 = System.nanoTime();
        List<Entry> entries = compare(ownerId, local, engine.containers(), includeEngineOnly);
        long t3 = System.nanoTime();
        return new Listing(entries, Instant.now(), (t2 - t1) / 1_000_000, (t1 - t0) / 1_000_000, (t3 - t2) / 1_000_000,
                synced);
    }

    /** Records each instance whose container the engine no longer runs; answers what was synced. */
    List<Map<String, Object>> sync(String ownerId) {
        List<Map<String, Object>> synced = new ArrayList<>();
        for (Entry e : compare(ownerId, directory.list(ownerId), engine(ownerId).containers(), false)) {
            String action = drift(e);
            if (action != null) {
                commands.sendAndWait(new RecordInstanceContainerExited(e.view().id(), action));
                synced.add(InstancesDtos.map("instanceId", e.view().id(), "difference", e.consistency()));
            }
        }
        if (!synced.isEmpty()) {
            consistency.awaitProjections();
        }
        return synced;
    }

    private InstanceContainers engine(String ownerId) {
        return queries.query(new InspectInstanceContainers(ownerId), InstanceContainers.class).join();
    }

    private static List<Entry> compare(String ownerId, List<InstanceView> local,
                                       List<InstanceContainers.Container> containers, boolean includeEngineOnly) {
        Map<String, InstanceContainers.Container> byInstance = new HashMap<>();
        for (InstanceContainers.Container c : containers) {
            if (c.instanceId() != null) {
                byInstance.put(c.instanceId(), c);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (InstanceView v : local) {
            InstanceContainers.Container c = byInstance.remove(v.id());
            entries.add(new Entry(v, c, c == null ? "local" : "merged", consistency(v, c)));
        }
        if (includeEngineOnly) {
            for (InstanceContainers.Container c : byInstance.values()) {
                entries.add(new Entry(null, c, "novita", "engine only: no instance of this owner in Hangar"));
            }
        }
        return entries;
    }

    /** {@code consistent}, or what differs between the read model and the engine. */
    private static String consistency(InstanceView v, InstanceContainers.Container c) {
        InstanceStatus s = v.status();
        if (s == InstanceStatus.RUNNING) {
            if (c == null) {
                return "container: local running, engine missing";
            }
            return c.running() ? "consistent" : "status: local running, engine " + c.state();
        }
        if (s == InstanceStatus.STOPPED && c != null && c.running()) {
            return "status: local stopped, engine running";
        }
        if (s == InstanceStatus.STOPPED && c == null) {
            return "container: local stopped, engine missing";
        }
        return "consistent"; // creating, starting, stopping, deleting: under way; failed: any engine state
    }

    /** The drift watcher's word for what happened to a running instance's container, or null: nothing to record. */
    private static String drift(Entry e) {
        if (e.view() == null || e.view().status() != InstanceStatus.RUNNING) {
            return null;
        }
        if (e.container() == null) {
            return "destroy";
        }
        return e.container().running() ? null : "die";
    }

    static Map<String, Object> engineOnly(InstanceContainers.Container c, Instant syncedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.instanceId());
        m.put("name", c.name());
        m.put("status", engineStatus(c.state()));
        m.put("source", "novita");
        m.put("dataConsistency", "engine only: no instance of this owner in Hangar");
        m.put("novitaInstanceId", c.containerId());
        m.put("engineState", c.state());
        m.put("gpuNum", null);
        m.put("region", null);
        m.put("clusterId", null);
        m.put("clusterName", null);
        m.put("productName", null);
        m.put("cpuNum", null);
        m.put("memory", null);
        m.put("imageUrl", null);
        m.put("portMappings", List.of());
        m.put("createdAt", null);
        m.put("lastSyncedAt", syncedAt);
        return m;
    }

    /** The engine's state in the surface's vocabulary. */
    static String engineStatus(String state) {
        return switch (state == null ? "" : state) {
            case "running" -> "running";
            case "created", "restarting" -> "starting";
            case "removing" -> "deleting";
            case "dead" -> "failed";
            default -> "stopped"; // exited, paused
        };
    }
}
