package dev.hangar.api.support;

import dev.hangar.api.support.HangarClient.Response;

/** Polls a database on the Databases surface until it reaches a status, or a rotation can start. */
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

    /** Rotates the password once the previous rotation has settled (409 while it is in progress, up to 60 s). */
    public static Response rotateOnceSettled(HangarClient client, String token, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Response rotated;
        do {
            rotated = client.post("/api/databases/" + id + "/rotate-password", java.util.Map.of(), token);
            if (rotated.status() != 409) {
                return rotated;
            }
            Thread.sleep(500);
        } while (System.currentTimeMillis() < deadline);
        return rotated;
    }
}
