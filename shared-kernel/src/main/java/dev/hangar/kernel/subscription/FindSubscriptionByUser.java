package dev.hangar.kernel.subscription;

public record FindSubscriptionByUser(String userId) {
}
