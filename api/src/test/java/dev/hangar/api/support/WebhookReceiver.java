package dev.hangar.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback (the JDK's HTTP server): records every POST, and answers each path
 * with the statuses scripted for it, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, String signature, String deliveryId, byte[] body, int answered) {

        public JsonNode json() {
            try {
                return HangarClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String id() {
            return json().path("id").asText();
        }

        /** Whether {@code X-Hangar-Signature} is the HMAC-SHA256 of "t.body" under {@code secret}. */
        public boolean signedWith(String secret) {
            Map<String, String> parts = new HashMap<>();
            for (String part : signature.split(",")) {
                int eq = part.indexOf('=');
                parts.put(part.substring(0, eq), part.substring(eq + 1));
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((parts.get("t") + ".").getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(mac.doFinal(body)).equals(parts.get("v1"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new HashMap<>();
    /** Scripted as {@link #HOLD}: the POST is answered 200 only once {@link #release()} is called. */
    public static final int HOLD = -1;
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            int status;
            synchronized (scripts) {
                Deque<Integer> script = scripts.get(path);
                status = script == null || script.isEmpty() ? 200 : script.poll();
            }
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("X-Hangar-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Hangar-Delivery"), body, status));
            if (status == HOLD) {
                try {
                    released.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    /** A fresh path on this receiver whose first answers are {@code statuses}, then 200. */
    public String url(Integer... statuses) {
        String path = "/hook-" + UUID.randomUUID();
        synchronized (scripts) {
            scripts.put(path, new ArrayDeque<>(List.of(statuses)));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Lets the held POSTs be answered. */
    public void release() {
        released.countDown();
    }

    /** Every POST to the path of {@code url}, in the order they came. */
    public List<Received> at(String url) {
        String path = url.substring(url.indexOf('/', "http://".length()));
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
