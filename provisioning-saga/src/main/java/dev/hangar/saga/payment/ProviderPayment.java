package dev.hangar.saga.payment;

import java.math.BigDecimal;

public record ProviderPayment(String id, String status, BigDecimal amount, String currency, String externalReference) {
}
