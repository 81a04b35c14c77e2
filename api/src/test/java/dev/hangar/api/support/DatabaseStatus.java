package dev.hangar.api.support;

import dev.hangar.api.support.HangarClient.Response;

/** Polls a database on the Databases surface until it reaches a status. */
public final class DatabaseStatus {

    private DatabaseStatus() {
    }

    public static Response awaitStatus(HangarClient client, String token, String id, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 150_000;
        Response r;
        do {
            r = client.get("/api/databases/" + id, token);
            if (status.equals(r.text("status"))) {
                return r;
            }
            Thread.sleep(250);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("database " + id + " did not become " + status + ": " + r.raw());
    }
}
