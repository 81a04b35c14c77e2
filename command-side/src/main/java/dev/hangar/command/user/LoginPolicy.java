package dev.hangar.command.user;

import java.time.Duration;

/** How many failed logins in a row lock an account, and for how long. */
public record LoginPolicy(int maxConsecutiveFailures, Duration lockDuration) {

    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15));
}
