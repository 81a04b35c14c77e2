package dev.hangar.saga.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.saga.workload.FairExecutor.Key;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor that container work runs on, with real threads: fairness, order, bounds. */
class FairExecutorTest {

    private final CountDownLatch stuck = new CountDownLatch(1);
    private FairExecutor executor;

    @AfterEach
    void tearDown() {
        stuck.countDown();
        executor.close();
    }

    private static Key key(String workload, String tenant) {
        return new Key(workload, tenant, "local");
    }

    private Integer hang() {
        try {
            stuck.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    @Test
    void aTenantWhoseWorkHangsHoldsOnlyItsOwnShare() throws Exception {
        executor = new FairExecutor(4, 2, 4);
        for (int i = 0; i < 10; i++) {
            executor.submit(key("stuck-" + i, "tenant-a"), this::hang);
        }

        CompletableFuture<String> other = executor.submit(key("db-b", "tenant-b"), () -> "done");

        assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(executor.running()).as("tenant a holds its two threads, no more").isEqualTo(2);
        assertThat(executor.queued()).isEqualTo(8);
    }

    @Test
    void theOperationsOfOneWorkloadRunOneAtATimeInOrder() throws Exception {
        executor = new FairExecutor(8, 8, 8);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        List<CompletableFuture<Object>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            all.add(executor.submit(key("db-1", "tenant-a"), () -> {
                maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                order.add(n);
                concurrent.decrementAndGet();
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(maxConcurrent.get()).isEqualTo(1);
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void tenantsAreServedInTurn() throws Exception {
        executor = new FairExecutor(1, 1, 1);
        executor.submit(key("gate", "tenant-z"), this::hang);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Object>> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (String tenant : List.of("a", "a", "b")) {
                String workload = tenant + "-" + all.size();
                all.add(executor.submit(key(workload, tenant), () -> {
                    order.add(tenant);
                    return null;
                }));
            }
        }
        stuck.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        // tenant a asked six times and b three: b is not served last
        assertThat(order.subList(0, 6)).containsExactly("a", "b", "a", "b", "a", "b");
    }

    @Test
    void aHostAtItsLimitWaitsWhileOtherHostsGoOn() throws Exception {
        executor = new FairExecutor(8, 8, 1);
        executor.submit(new Key("w1", "t1", "host-1"), this::hang);
        CompletableFuture<String> sameHost = executor.submit(new Key("w2", "t2", "host-1"), () -> "same");
        CompletableFuture<String> otherHost = executor.submit(new Key("w3", "t3", "host-2"), () -> "other");

        assertThat(otherHost.get(30, TimeUnit.SECONDS)).isEqualTo("other");
        assertThat(sameHost).isNotDone();
        stuck.countDown();
        assertThat(sameHost.get(30, TimeUnit.SECONDS)).isEqualTo("same");
    }

    @Test
    void queuedWorkCanBeDroppedWhileTheRunningOperationFinishes() throws Exception {
        executor = new FairExecutor(2, 2, 2);
        CompletableFuture<Integer> running = executor.submit(key("db-1", "t"), this::hang);
        CompletableFuture<String> queued = executor.submit(key("db-1", "t"), () -> "late");

        assertThat(executor.busy("db-1")).isTrue();
        assertThat(executor.discardQueued("db-1")).isEqualTo(1);
        assertThat(queued).isCancelled();
        stuck.countDown();
        assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
    }
}
