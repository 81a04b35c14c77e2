package dev.hangar.kernel.instance;

/** The average create-to-running time of a template's instances ({@code samples} of them); null when none has run yet. */
public record ReadyTimeEstimate(Long averageMillis, int samples) {
}
