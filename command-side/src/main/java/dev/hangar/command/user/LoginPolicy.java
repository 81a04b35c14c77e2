package dev.hangar.command.user;

import dev.hangar.kernel.common.Emails;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many failed logins in a row lock an account, and for how long: the first lock lasts
 * {@code lockDuration}, each further one in a row twice as long as the one before, up to
 * {@code maxLockDuration}. The accounts of {@code exemptEmails} (the configured admin) are never
 * locked, so nobody can lock the operator out; per-address throttling in front of the login still
 * slows whoever guesses at them.
 */
public record LoginPolicy(int maxConsecutiveFailures, Duration lockDuration, Duration maxLockDuration,
                          Set<String> exemptEmails) {

    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15));

    public LoginPolicy {
        exemptEmails = exemptEmails.stream().filter(e -> e != null && !e.isBlank()).map(Emails::normalize)
                .collect(Collectors.toUnmodifiableSet());
        if (maxLockDuration.compareTo(lockDuration) < 0) {
            maxLockDuration = lockDuration;
        }
    }

    public LoginPolicy(int maxConsecutiveFailures, Duration lockDuration) {
        this(maxConsecutiveFailures, lockDuration, lockDuration, Set.of());
    }

    boolean exempts(String email) {
        return email != null && exemptEmails.contains(Emails.normalize(email));
    }

    /** The length of the {@code n}-th lock in a row (1-based). */
    Duration lockFor(int n) {
        Duration lock = lockDuration;
        for (int i = 1; i < n && lock.compareTo(maxLockDuration) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLockDuration) > 0 ? maxLockDuration : lock;
    }
}
