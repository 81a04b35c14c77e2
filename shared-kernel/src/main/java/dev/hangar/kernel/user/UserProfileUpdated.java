package dev.hangar.kernel.user;

import java.time.Instant;

public record UserProfileUpdated(String userId, String firstName, String lastName, String name, String email,
                                 Instant updatedAt) {
}
