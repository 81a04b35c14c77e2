package dev.hangar.command.claim;

import java.time.Instant;

public record ClaimTaken(String claimId, String ownerId, Instant takenAt) {
}
