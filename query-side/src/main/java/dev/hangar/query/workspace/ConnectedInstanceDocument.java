package dev.hangar.query.workspace;

import dev.hangar.kernel.workspace.ConnectedInstanceView;
import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.InstanceHealth;
import dev.hangar.kernel.workspace.InstanceProfile;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The password and SSL key only as ciphertext, inside {@code connection}. */
@Document(ConnectedInstanceDocument.COLLECTION)
record ConnectedInstanceDocument(@Id String id, String tenantId, String workspaceName, String ownerId, String name,
                                 InstanceProfile profile, InstanceConnection connection, InstanceHealth status,
                                 String version, String statusMessage, Instant created, Instant updated) {

    static final String COLLECTION = "connected_instances";

    ConnectedInstanceView toView() {
        return new ConnectedInstanceView(id, tenantId, workspaceName, ownerId, profile, connection, status, version,
                statusMessage, created, updated);
    }
}
