package dev.hangar.kernel.user;

public record FindUserById(String userId) {
}
