package dev.hangar.kernel.instance;

/** How long instances of a template took from create to running, measured. */
public record EstimateReadyTime(String templateId) {
}
