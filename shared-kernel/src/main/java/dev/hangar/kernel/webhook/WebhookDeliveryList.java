package dev.hangar.kernel.webhook;

import java.util.List;

public record WebhookDeliveryList(List<WebhookDeliveryView> deliveries) {
}
