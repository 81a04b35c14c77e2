package dev.hangar.kernel.database;
import java.time.Instant;

/** The answer to CreateDatabase: the only time the password leaves Hangar in clear, with RotatedPassword. */
public record DatabaseCreated(String instanceId, String engine, String databaseName, String host, int port,
                              String username, String password, Instant createdAt) {
    @Override
    public String toString() {
        return "DatabaseCreated[instanceId=" + instanceId + ", port=" + port + ", password=***]";
    }
}
