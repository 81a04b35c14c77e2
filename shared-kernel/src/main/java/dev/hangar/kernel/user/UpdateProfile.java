package dev.hangar.kernel.user;

/** Null fields are left as they are. A new email must be free. */
public record UpdateProfile(String userId, String firstName, String lastName, String email) {
}
