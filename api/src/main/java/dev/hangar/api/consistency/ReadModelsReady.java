package dev.hangar.api.consistency;

import dev.hangar.api.config.HangarProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds the HTTP port closed until the read models have caught up with the event store: after a
 * wiped read store (or with the in-process one, at every start) the projections rebuild first, so
 * no client reads a half-built model.
 */
@Component
public class ReadModelsReady implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsReady.class);

    private final ReadYourWrites consistency;
    private final Duration limit;
    private volatile boolean running;

    public ReadModelsReady(ReadYourWrites consistency, HangarProperties properties) {
        this.consistency = consistency;
        this.limit = properties.consistency().startupCatchUpTimeout();
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        if (consistency.awaitProjectionsAtStartup(limit)) {
            log.info("Read models caught up with the event store in {} ms", (System.nanoTime() - started) / 1_000_000);
        } else {
            log.warn("Read models still catching up after {}; serving requests anyway", limit);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * After Axon's Spring configuration starts the processors (phase MAX_VALUE - 3072), before the
     * web server opens its port (MAX_VALUE - 2048).
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2560;
    }
}
