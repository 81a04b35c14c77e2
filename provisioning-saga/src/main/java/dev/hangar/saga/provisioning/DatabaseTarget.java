package dev.hangar.saga.provisioning;

import dev.hangar.kernel.database.DatabaseRequested;

/** Everything the saga needs to (re)create a database's container; the password only as ciphertext. */
public record DatabaseTarget(String instanceId, String ownerId, String engine, String databaseName, String username,
                             String passwordCiphertext, int port, String containerName, String volumeName,
                             long memoryBytes, long nanoCpus) {

    static DatabaseTarget of(DatabaseRequested e) {
        return new DatabaseTarget(e.instanceId(), e.ownerId(), e.engine(), e.databaseName(), e.username(),
                e.passwordCiphertext(), e.port(), e.containerName(), e.volumeName(), e.memoryBytes(), e.nanoCpus());
    }

    DatabaseTarget withPassword(String ciphertext) {
        return new DatabaseTarget(instanceId, ownerId, engine, databaseName, username, ciphertext, port, containerName,
                volumeName, memoryBytes, nanoCpus);
    }
}
