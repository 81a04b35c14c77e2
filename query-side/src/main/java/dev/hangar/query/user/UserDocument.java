package dev.hangar.query.user;

import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UserType;
import dev.hangar.kernel.user.UserView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(UserDocument.COLLECTION)
record UserDocument(@Id String id, String username, String email, String firstName, String lastName, String name,
                    UserType userType, Role role, boolean active, String tenantId, String tenantUrl,
                    Instant lockedUntil, Instant createdAt, Instant updatedAt, Instant tokensValidAfter,
                    List<String> sessions) {

    static final String COLLECTION = "users";

    UserView toView() {
        return new UserView(id, username, email, firstName, lastName, name, userType, role, active, tenantId, tenantUrl,
                lockedUntil, createdAt, updatedAt, tokensValidAfter, sessions == null ? null : List.copyOf(sessions));
    }
}
