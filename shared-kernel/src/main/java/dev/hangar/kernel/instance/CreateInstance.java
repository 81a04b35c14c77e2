package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.HealthCheck;

/** Asks for a compute instance (seed 001 by {@code instanceType}, seed 004 by {@code productName} + {@code templateId}); {@code healthCheck} null for seed 004's defaults; {@code autoStopMinutes} null for the template's or the default inactivity threshold. */
public record CreateInstance(String instanceId, String ownerId, String name, String region, String instanceType, String productName, String templateId, Integer gpuNum, Integer rootfsSize, String webhookUrl, HealthCheck healthCheck, Double autoStopMinutes) {
}
