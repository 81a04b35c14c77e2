package dev.hangar.api.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rates over the last minute, from Micrometer's cumulative meters: HTTP requests
 * ({@code http.server.requests}, as {@code /actuator/prometheus} shows them), their time and server
 * errors, and jobs ({@link JobSteps#METER}). The totals are sampled every {@link #STEP_SECONDS} s;
 * a rate is the difference between now and the oldest sample of the last minute (since start-up
 * during the first minute), per minute.
 */
@Component
public class RecentRates implements DisposableBean {

    static final int STEP_SECONDS = 5;
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Cumulative totals at one moment. */
    private record Totals(long nanos, long requests, double requestMillis, long serverErrors, double jobs) {
    }

    /**
     * The last minute (or less, just after start-up).
     *
     * @param seconds             how long the window is
     * @param requestsPerMinute   requests answered, per minute
     * @param averageResponseMs   their mean time
     * @param errorRate           the share of them that answered 5xx
     * @param jobsPerMinute       jobs carried out, per minute
     */
    public record Rates(double seconds, double requestsPerMinute, double averageResponseMs, double errorRate,
                        double jobsPerMinute) {
    }

    private final MeterRegistry meters;
    private final Deque<Totals> samples = new ArrayDeque<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hangar-rates");
        t.setDaemon(true);
        return t;
    });

    public RecentRates(MeterRegistry meters) {
        this.meters = meters;
        sample();
        sampler.scheduleAtFixedRate(this::sample, STEP_SECONDS, STEP_SECONDS, TimeUnit.SECONDS);
    }

    /** The totals since start-up, now. */
    private Totals totals() {
        long requests = 0;
        double millis = 0;
        long serverErrors = 0;
        for (Timer timer : meters.find("http.server.requests").timers()) {
            long count = timer.count();
            requests += count;
            millis += timer.totalTime(TimeUnit.MILLISECONDS);
            String status = timer.getId().getTag("status");
            if (status != null && status.startsWith("5")) {
                serverErrors += count;
            }
        }
        double jobs = meters.find(JobSteps.METER).counters().stream().mapToDouble(Counter::count).sum();
        return new Totals(System.nanoTime(), requests, millis, serverErrors, jobs);
    }

    public Rates lastMinute() {
        Totals now = totals();
        Totals from;
        synchronized (samples) {
            from = samples.stream().filter(s -> now.nanos() - s.nanos() <= WINDOW_NANOS).findFirst()
                    .orElse(samples.peekLast());
        }
        if (from == null || now.nanos() - from.nanos() <= 0) {
            return new Rates(0, 0, 0, 0, 0);
        }
        double seconds = (now.nanos() - from.nanos()) / 1e9;
        double minutes = seconds / 60.0;
        long requests = now.requests() - from.requests();
        return new Rates(seconds,
                requests / minutes,
                requests == 0 ? 0 : (now.requestMillis() - from.requestMillis()) / requests,
                requests == 0 ? 0 : (double) (now.serverErrors() - from.serverErrors()) / requests,
                (now.jobs() - from.jobs()) / minutes);
    }

    private void sample() {
        try {
            Totals now = totals();
            synchronized (samples) {
                samples.addLast(now);
                // keep one sample older than the window: the base until a younger one is a minute old
                while (samples.size() > 2 && now.nanos() - samples.stream().skip(1).findFirst().orElseThrow().nanos() > WINDOW_NANOS) {
                    samples.removeFirst();
                }
            }
        } catch (RuntimeException e) {
            // a failed sample leaves a gap; the next one fills it
        }
    }

    @Override
    public void destroy() {
        sampler.shutdownNow();
    }
}
