package dev.hangar.saga.workload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs container work off the event processors, fairly: the operations of one workload run one at a
 * time and in order; workloads wait in one queue per tenant, and the tenants are served round
 * robin; at most {@code maxConcurrent} operations run at once, {@code perTenant} of one tenant and
 * {@code perHost} on one container host. A tenant whose database hangs holds at most its own
 * share of threads; every other tenant's work goes on.
 */
public final class FairExecutor implements AutoCloseable {

    /** Where an operation belongs: the workload it acts on, its tenant and its container host. */
    public record Key(String workloadId, String tenant, String host) {
    }

    private record Task(Key key, Supplier<?> work, CompletableFuture<Object> result) {
    }

    private final int maxConcurrent;
    private final int perTenant;
    private final int perHost;
    private final Executor threads;
    private final Object lock = new Object();
    /** Per tenant, the workloads with queued work, in arrival order. */
    private final LinkedHashMap<String, Deque<String>> tenants = new LinkedHashMap<>();
    private final Map<String, Deque<Task>> queued = new HashMap<>();
    private final Map<String, Integer> runningPerTenant = new HashMap<>();
    private final Map<String, Integer> runningPerHost = new HashMap<>();
    private final Map<String, Boolean> busyWorkloads = new HashMap<>();
    private int running;
    private boolean closed;

    public FairExecutor(int maxConcurrent, int perTenant, int perHost) {
        this(maxConcurrent, perTenant, perHost, pool(maxConcurrent));
    }

    /** On {@code threads}, which must run at least {@code maxConcurrent} tasks at once (a direct one runs them inline). */
    public FairExecutor(int maxConcurrent, int perTenant, int perHost, Executor threads) {
        if (maxConcurrent < 1 || perTenant < 1 || perHost < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.perTenant = perTenant;
        this.perHost = perHost;
        this.threads = threads;
    }

    private static ExecutorService pool(int size) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "workload-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(size, factory);
    }

    /** Queues {@code work} behind the workload's earlier operations. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> submit(Key key, Supplier<T> work) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("the workload executor is shut down"));
                return (CompletableFuture<T>) (CompletableFuture<?>) result;
            }
            Deque<Task> tasks = queued.computeIfAbsent(key.workloadId(), k -> new ArrayDeque<>());
            if (tasks.isEmpty() && !busyWorkloads.containsKey(key.workloadId())) {
                tenants.computeIfAbsent(key.tenant(), t -> new ArrayDeque<>()).addLast(key.workloadId());
            }
            tasks.addLast(new Task(key, (Supplier<Object>) work, result));
            dispatch();
        }
        return (CompletableFuture<T>) (CompletableFuture<?>) result;
    }

    /** Whether the workload has an operation queued or running (a periodic check skips its turn then). */
    public boolean busy(String workloadId) {
        synchronized (lock) {
            return busyWorkloads.containsKey(workloadId) || !queued.getOrDefault(workloadId, new ArrayDeque<>()).isEmpty();
        }
    }

    /** Drops the workload's operations that have not started (a removal supersedes them). */
    public int discardQueued(String workloadId) {
        synchronized (lock) {
            Deque<Task> tasks = queued.remove(workloadId);
            if (tasks == null) {
                return 0;
            }
            tasks.forEach(t -> t.result().cancel(false));
            tenants.values().forEach(q -> q.remove(workloadId));
            return tasks.size();
        }
    }

    public int running() {
        synchronized (lock) {
            return running;
        }
    }

    public int queued() {
        synchronized (lock) {
            return queued.values().stream().mapToInt(Deque::size).sum();
        }
    }

    private void dispatch() {
        while (running < maxConcurrent) {
            Task next = pickNext();
            if (next == null) {
                return;
            }
            start(next);
        }
    }

    /** The next task of the first tenant (in round-robin order) that has room on its host. */
    private Task pickNext() {
        List<String> order = new ArrayList<>(tenants.keySet());
        for (String tenant : order) {
            if (runningPerTenant.getOrDefault(tenant, 0) >= perTenant) {
                continue;
            }
            Deque<String> workloads = tenants.get(tenant);
            for (Iterator<String> it = workloads.iterator(); it.hasNext(); ) {
                String workloadId = it.next();
                Deque<Task> tasks = queued.get(workloadId);
                if (tasks == null || tasks.isEmpty()) {
                    it.remove();
                    continue;
                }
                if (busyWorkloads.containsKey(workloadId)
                        || runningPerHost.getOrDefault(tasks.peekFirst().key().host(), 0) >= perHost) {
                    continue;
                }
                Task task = tasks.pollFirst();
                it.remove();
                if (tasks.isEmpty()) {
                    queued.remove(workloadId);
                }
                if (workloads.isEmpty()) {
                    tenants.remove(tenant);
                } else {
                    // the tenant goes to the back of the line
                    tenants.remove(tenant);
                    tenants.put(tenant, workloads);
                }
                return task;
            }
            if (workloads.isEmpty()) {
                tenants.remove(tenant);
            }
        }
        return null;
    }

    private void start(Task task) {
        Key key = task.key();
        running++;
        runningPerTenant.merge(key.tenant(), 1, Integer::sum);
        runningPerHost.merge(key.host(), 1, Integer::sum);
        busyWorkloads.put(key.workloadId(), Boolean.TRUE);
        threads.execute(() -> {
            Object value = null;
            Throwable failure = null;
            try {
                value = task.work().get();
            } catch (Throwable e) {
                failure = e;
            }
            // the books first: whoever waits on the result sees the capacity it freed
            finished(key);
            if (failure == null) {
                task.result().complete(value);
            } else {
                task.result().completeExceptionally(failure);
            }
        });
    }

    private void finished(Key key) {
        synchronized (lock) {
            running--;
            runningPerTenant.merge(key.tenant(), -1, Integer::sum);
            runningPerHost.merge(key.host(), -1, Integer::sum);
            busyWorkloads.remove(key.workloadId());
            Deque<Task> rest = queued.get(key.workloadId());
            if (rest != null && !rest.isEmpty()) {
                Deque<String> line = tenants.computeIfAbsent(key.tenant(), t -> new ArrayDeque<>());
                if (!line.contains(key.workloadId())) {
                    line.addLast(key.workloadId());
                }
            }
            if (!closed) {
                dispatch();
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        if (threads instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
