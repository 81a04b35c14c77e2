package dev.hangar.saga.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.kernel.webhook.RecordStatusWebhookAttempt;
import dev.hangar.kernel.webhook.StatusWebhookRequested;
import dev.hangar.kernel.webhook.WebhookAttemptOutcome;
import dev.hangar.kernel.webhook.WebhookUrls;
import dev.hangar.saga.workspace.AddressGuard;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs status webhooks from a bounded pool of its own threads, with the JDK's HttpClient
 * (connect and request time-outs, redirects not followed). Before each attempt the URL's host is
 * resolved and every address checked by the {@link AddressGuard}: a refused address abandons the
 * delivery with the reason. The body is signed with the owner's secret at the time of the attempt;
 * the outcome, with the time of the next attempt or the decision to stop, is reported as
 * {@link RecordStatusWebhookAttempt}.
 */
public class HttpWebhookSender implements WebhookSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpWebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookProperties settings;
    private final AddressGuard guard;
    private final Function<String, String> secrets;
    private final Consumer<RecordStatusWebhookAttempt> report;
    private final Clock clock;
    private final HttpClient http;
    private final ThreadPoolExecutor executor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * {@code secrets}: the owner's signing secret in plain text, by owner id; {@code report}: records
     * an attempt (a command).
     */
    public HttpWebhookSender(WebhookProperties settings, AddressGuard guard, Function<String, String> secrets,
                             Consumer<RecordStatusWebhookAttempt> report, Clock clock) {
        this.settings = settings;
        this.guard = guard;
        this.secrets = secrets;
        this.report = report;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger n = new AtomicInteger();
        int threads = settings.maxConcurrentDeliveries();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** A guard built from the settings: private ranges and loopback refused unless allowed. */
    public static AddressGuard guardFor(WebhookProperties settings) {
        java.util.List<String> deny = new java.util.ArrayList<>(AddressGuard.RESERVED_RANGES);
        if (!settings.allowPrivateAddresses()) {
            deny.addAll(AddressGuard.PRIVATE_RANGES);
        }
        deny.addAll(settings.deny());
        java.util.List<String> allow = new java.util.ArrayList<>();
        if (settings.allowLoopback()) {
            allow.addAll(AddressGuard.LOOPBACK_RANGES);
        }
        allow.addAll(settings.allow());
        return new AddressGuard(deny, allow);
    }

    @Override
    public void attempt(StatusWebhookRequested delivery, int attempt) {
        Runnable submit = () -> {
            if (!inFlight.add(delivery.deliveryId())) {
                return; // already queued or under way here: the saga's watch looks again later
            }
            try {
                executor.execute(() -> {
                    try {
                        run(delivery, attempt);
                    } finally {
                        inFlight.remove(delivery.deliveryId());
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.remove(delivery.deliveryId());
                log.warn("Webhook sender saturated; delivery {} is tried again at its next watch", delivery.deliveryId());
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> submit.run());
        } else {
            submit.run();
        }
    }

    @Override
    public boolean busy(String deliveryId) {
        return inFlight.contains(deliveryId);
    }

    @Override
    public Duration attemptWatch() {
        return settings.connectTimeout().plus(settings.requestTimeout()).plus(settings.attemptWatchMargin());
    }

    /** One attempt, reported; a failure to sign or report leaves it to the saga's watch. */
    void run(StatusWebhookRequested delivery, int attempt) {
        Result result;
        try {
            result = post(delivery);
        } catch (RuntimeException e) {
            log.warn("Webhook delivery {} could not be attempted: {}", delivery.deliveryId(), e.toString());
            return;
        }
        WebhookAttemptOutcome outcome;
        Instant next = null;
        if (result.delivered()) {
            outcome = WebhookAttemptOutcome.DELIVERED;
        } else if (result.final_() || attempt >= settings.maxAttempts()) {
            outcome = WebhookAttemptOutcome.ABANDONED;
        } else {
            outcome = WebhookAttemptOutcome.RETRY;
            next = result.at().plus(settings.retryDelay(attempt));
        }
        try {
            report.accept(new RecordStatusWebhookAttempt(delivery.streamId(), delivery.deliveryId(), attempt,
                    result.statusCode(), result.error(), result.at(), outcome, next));
        } catch (RuntimeException e) {
            log.warn("Could not record attempt {} of webhook delivery {}: {}", attempt, delivery.deliveryId(),
                    e.getMessage());
        }
    }

    /** {@code final_}: no point in trying again (the URL or its address is refused). */
    record Result(Instant at, Integer statusCode, String error, boolean delivered, boolean final_) {
    }

    Result post(StatusWebhookRequested delivery) {
        Instant at = clock.instant();
        Optional<String> problem = WebhookUrls.problem(delivery.url());
        if (problem.isPresent()) {
            return new Result(at, null, problem.get(), false, true);
        }
        URI uri = URI.create(delivery.url());
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                Optional<String> refusal = guard.refusal(address);
                if (refusal.isPresent()) {
                    return new Result(at, null, refusal.get(), false, true);
                }
            }
        } catch (UnknownHostException e) {
            return new Result(at, null, "Unknown host " + uri.getHost(), false, false);
        }
        byte[] body = body(delivery);
        String secret = secretOf(delivery.ownerId());
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Hangar-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, t, body))
                .header(WebhookSignature.DELIVERY_HEADER, delivery.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                return new Result(at, code, null, true, false);
            }
            String error = code >= 300 && code < 400 ? "HTTP " + code + " (redirects are not followed)" : "HTTP " + code;
            return new Result(at, code, error, false, false);
        } catch (HttpConnectTimeoutException e) {
            return new Result(at, null, "Connect timed out after " + settings.connectTimeout().toMillis() + " ms", false,
                    false);
        } catch (HttpTimeoutException e) {
            return new Result(at, null, "No answer within " + settings.requestTimeout().toMillis() + " ms", false,
                    false);
        } catch (ConnectException e) {
            return new Result(at, null, "Connection refused", false, false);
        } catch (IOException e) {
            return new Result(at, null, "I/O error: " + e.getClass().getSimpleName(), false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped mid-attempt; the saga's watch makes it again", e);
        }
    }

    private String secretOf(String ownerId) {
        try {
            return secrets.apply(ownerId);
        } catch (RuntimeException first) {
            // two first uses of a user's secret at once: one of them created it; the second look finds it
            return secrets.apply(ownerId);
        }
    }

    /** The JSON the receiver gets; signed byte for byte. */
    static byte[] body(StatusWebhookRequested d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.deliveryId());
        json.put("event", d.event());
        json.put("instanceId", d.subjectId());
        json.put("instanceName", d.subjectName());
        json.put("oldStatus", d.oldStatus());
        json.put("newStatus", d.newStatus());
        json.put("reason", d.reason());
        json.put("timestamp", d.occurredAt() == null ? null : d.occurredAt().toString());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
