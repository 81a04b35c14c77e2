package dev.hangar.kernel.instance;

/** Asks for a compute instance (seed 001 by {@code instanceType}, seed 004 by {@code productName} + {@code templateId}); answers its id. */
public record CreateInstance(String instanceId, String ownerId, String name, String region, String instanceType, String productName, String templateId, Integer gpuNum, Integer rootfsSize, String webhookUrl) {
}
