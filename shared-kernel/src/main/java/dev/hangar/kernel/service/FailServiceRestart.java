package dev.hangar.kernel.service;

public record FailServiceRestart(String serviceId, String deploymentId, String reason) {
}
