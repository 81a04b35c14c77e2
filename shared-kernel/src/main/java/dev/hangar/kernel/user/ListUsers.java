package dev.hangar.kernel.user;

public record ListUsers(int limit, int offset) {
}
