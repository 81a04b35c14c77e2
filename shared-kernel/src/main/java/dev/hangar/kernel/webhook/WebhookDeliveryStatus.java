package dev.hangar.kernel.webhook;

public enum WebhookDeliveryStatus { PENDING, DELIVERED, ABANDONED }
