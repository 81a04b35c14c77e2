package dev.hangar.api.workspaces;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.hangar.kernel.workspace.ConnectedInstanceView;
import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.InstanceProfile;
import dev.hangar.kernel.workspace.InstanceSpec;
import java.time.Instant;
import java.util.List;

/** Workspaces (seed 000) speaks snake_case; every body it reads or writes. */
final class WorkspacesDtos {

    private WorkspacesDtos() {
    }

    /** Connect (every required field) and modify (any field) take the same body. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InstanceRequest(String instanceName, String instanceDescription, String instanceType, String instanceVendor,
                           String host, Integer port, String username, String password, String nodeId, Boolean enabled,
                           Boolean ssl, String sslMode, String sslCert, String sslKey, String sslRootCert,
                           String environmentId) {

        InstanceSpec spec() {
            return new InstanceSpec(instanceName, instanceDescription, instanceType, instanceVendor, host, port, username,
                    password, nodeId, enabled, ssl, sslMode, sslCert, sslKey, sslRootCert, environmentId);
        }

        @Override
        public String toString() {
            return "InstanceRequest[instance_name=" + instanceName + ", host=" + host + ", port=" + port + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DisconnectRequest(Boolean deleteInstance) {
    }

    /** Seed 000's instance object; {@code instance_password} is the ciphertext, never the password. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Instance(String tenantId, String workspaceName, String environmentId, String instanceId, String instanceName,
                    String instanceDescription, String instanceType, String instanceVendor, String instanceVersion,
                    String instanceUniqueIdentifier, String connectedToNodeId, String instanceHost, int instancePort,
                    String instanceUsername, String instancePassword, String instanceSystemDbName,
                    boolean instanceEnabled, boolean instanceSsl, String instanceSslMode, List<String> policyIds,
                    String ownerId, String instanceStatusMessage, String status, Instant created, Instant updated) {

        static Instance of(ConnectedInstanceView v) {
            InstanceProfile p = v.profile();
            InstanceConnection c = v.connection();
            return new Instance(v.tenantId(), v.workspaceName(), p.environmentId(), v.instanceId(), p.name(),
                    p.description(), c.type().key(), p.vendor(), v.version(), v.instanceId(), p.nodeId(), c.host(),
                    c.port(), c.username(), c.passwordCiphertext(), c.type().systemDatabase(), p.enabled(), c.ssl(),
                    c.sslMode() == null ? null : c.sslMode().key(), List.of(), v.ownerId(),
                    v.statusMessage(), v.status().wire(), v.created(), v.updated());
        }
    }

    record InstanceList(List<Instance> instances) {
    }

    record InstanceAnswer(Instance instance) {
    }

    /** Connect and modify: {@code {"message", "success": true, "instance", "status": "success"}}. */
    record Outcome(String message, boolean success, Instance instance, String status) {
        static Outcome of(String message, Instance instance) {
            return new Outcome(message, true, instance, "success");
        }
    }

    record Done(String message, boolean success, String status) {
        static Done of(String message) {
            return new Done(message, true, "success");
        }
    }
}
