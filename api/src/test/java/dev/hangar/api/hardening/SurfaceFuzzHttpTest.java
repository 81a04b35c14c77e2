package dev.hangar.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.hardening.RawHttp.Answer;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, "fuzzing in CI": a generator over each surface's OpenAPI document sends malformed bodies,
 * path and query parameters and headers to every operation, with and without a token. No answer is a
 * 5xx (but the documented 503 of the unconfigured payment endpoints), none carries a stack trace or
 * the host's name, and a request refused as malformed stores no event.
 */
@HangarHttpTest
class SurfaceFuzzHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    static final long SEED = Long.getLong("hangar.fuzz.seed", 14L);
    static final int VARIANTS_PER_OPERATION = Integer.getInteger("hangar.fuzz.variants", 80);

    static final List<String> BAD_VALUES = List.of("", " ", "0", "-1", "99999999999999999999", "1e309", "null", "true",
            "[]", "{}", "../../etc/passwd", "%00", "' OR 1=1 --", "<script>x</script>", "\u0000", "\uD83D\uDE00",
            "é".repeat(300), "a".repeat(5000), "${jndi:ldap://x}", "\\", "\"", "NaN");

    static final List<String> BAD_BODIES = List.of("", "{", "}", "[", "null", "0", "\"x\"", "[]", "[{}]", "{}",
            "{\"a\":", "{\"a\":1,}", "{'a':1}", "\u0000", "{\"a\":\"\\uZZZZ\"}", "[".repeat(3000) + "]".repeat(3000),
            "{\"a\":" + "1".repeat(500) + "}", "{\"a\":1e99999}", "\uFEFF{}", "{\"__proto__\":{}}");

    @Test
    void noMalformedRequestBreaksAnySurface() throws Exception {
        HangarClient client = new HangarClient(port);
        RawHttp raw = new RawHttp(port);
        User user = client.newPlatformUser();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String hostName = InetAddress.getLocalHost().getHostName();
        Random random = new Random(SEED);

        JsonNode config = HangarClient.JSON.readTree(raw.send("GET", "/v3/api-docs/swagger-config", Map.of(), null,
                false).raw());
        List<String> docs = new ArrayList<>();
        config.path("urls").forEach(u -> docs.add(u.path("url").asText()));
        assertThat(docs).isNotEmpty();

        int requests = 0;
        Set<String> endpoints = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String doc : docs) {
            JsonNode api = HangarClient.JSON.readTree(raw.send("GET", doc, Map.of(), null, false).raw());
            Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
                while (operations.hasNext()) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    String method = operation.getKey().toUpperCase();
                    if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    endpoints.add(method + " " + path.getKey());
                    for (int v = 0; v < VARIANTS_PER_OPERATION; v++) {
                        String target = fill(path.getKey(), operation.getValue(), random);
                        Map<String, String> headers = new HashMap<>();
                        if (random.nextInt(4) != 0) {
                            headers.put("Authorization", "Bearer " + (random.nextInt(8) == 0 ? pick(BAD_VALUES, random)
                                    .replaceAll("[^\\x21-\\x7e]", "") : user.token()));
                        }
                        headers.put("Content-Type", random.nextInt(6) == 0
                                ? pick(List.of("text/plain", "application/xml", "application/json; charset=latin1",
                                        "multipart/form-data", "*/*", "application/x-www-form-urlencoded"), random)
                                : "application/json");
                        if (random.nextInt(6) == 0) {
                            headers.put("Accept", pick(List.of("text/html", "application/xml", "image/png", "*/*",
                                    "application/json;q=0"), random));
                        }
                        if (random.nextInt(8) == 0) {
                            headers.put("X-Request-Id", "a".repeat(random.nextInt(300)));
                        }
                        String body = method.equals("GET") || method.equals("DELETE") ? null
                                : random.nextBoolean() ? pick(BAD_BODIES, random)
                                : mangled(operation.getValue(), api, random);
                        long before = events(jdbc);
                        Answer answer;
                        try {
                            answer = raw.send(method, target, headers,
                                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), false);
                        } catch (IllegalStateException e) {
                            problems.add(method + " " + target + " " + headers + " body " + abbreviate(String.valueOf(body))
                                    + " -> no answer: " + e.getMessage());
                            continue;
                        }
                        requests++;
                        String where = method + " " + target + " -> " + answer.status();
                        boolean documented503 = answer.status() == 503 && path.getKey().startsWith("/api/payments");
                        if (answer.status() >= 500 && !documented503) {
                            problems.add(where + " " + abbreviate(answer.raw()));
                        }
                        String text = answer.raw();
                        if (text.contains("Exception") || text.contains("\tat ") || text.contains("at dev.hangar")
                                || text.contains("at org.") || (hostName.length() > 3 && !hostName.equals("localhost")
                                && text.contains(hostName))) {
                            problems.add(where + " leaks: " + abbreviate(text));
                        }
                        if (Set.of(400, 404, 405, 406, 413, 415).contains(answer.status()) && events(jdbc) != before) {
                            problems.add(where + " stored events for a refused request");
                        }
                    }
                }
            }
        }
        System.out.printf("Fuzzing: %d requests to %d endpoints of %d surfaces (seed %d)%n", requests, endpoints.size(),
                docs.size(), SEED);
        endpoints.forEach(e -> System.out.println("  fuzzed " + e));
        assertThat(endpoints.size()).isGreaterThan(10);
        assertThat(problems).as("fuzzing problems").isEmpty();
    }

    private static long events(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        return n == null ? 0 : n;
    }

    private static String fill(String template, JsonNode operation, Random random) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template.substring(i));
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            out.append(URLEncoder.encode(pick(BAD_VALUES, random), StandardCharsets.UTF_8).replace("+", "%20"));
            i = close + 1;
        }
        List<String> query = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            if ("query".equals(p.path("in").asText()) && random.nextBoolean()) {
                query.add(URLEncoder.encode(p.path("name").asText(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(pick(BAD_VALUES, random), StandardCharsets.UTF_8));
            }
        }
        if (random.nextInt(5) == 0) {
            query.add("unknown=" + URLEncoder.encode(pick(BAD_VALUES, random), StandardCharsets.UTF_8));
        }
        return query.isEmpty() ? out.toString() : out + "?" + String.join("&", query);
    }

    /** The operation's own body schema with every property given a wrong or extreme value. */
    private static String mangled(JsonNode operation, JsonNode api, Random random) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            schema = api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        Map<String, Object> body = new HashMap<>();
        Iterator<String> names = schema.path("properties").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            int kind = random.nextInt(7);
            body.put(name, switch (kind) {
                case 0 -> null;
                case 1 -> random.nextLong();
                case 2 -> List.of(pick(BAD_VALUES, random));
                case 3 -> Map.of("x", pick(BAD_VALUES, random));
                case 4 -> random.nextBoolean();
                default -> pick(BAD_VALUES, random);
            });
        }
        try {
            return HangarClient.JSON.writeValueAsString(body);
        } catch (Exception e) {
            return "{}";
        }
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
