package dev.hangar.command.claim;

import java.time.Instant;

public record ClaimReleased(String claimId, String ownerId, Instant releasedAt) {
}
