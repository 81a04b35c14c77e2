package dev.hangar.kernel.subscription;

/** Every user has exactly one subscription; its id is derived from the user's so creation is idempotent. */
public final class SubscriptionIds {

    private SubscriptionIds() {
    }

    public static String forUser(String userId) {
        return "subscription-" + userId;
    }
}
