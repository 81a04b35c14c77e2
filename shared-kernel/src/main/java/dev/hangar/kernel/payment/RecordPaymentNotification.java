package dev.hangar.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A verified provider notification about one of its payments, kept before it is acknowledged. */
public record RecordPaymentNotification(@TargetAggregateIdentifier String notificationsId, String providerPaymentId,
                                        String requestId) {

    public static RecordPaymentNotification of(String providerPaymentId, String requestId) {
        return new RecordPaymentNotification(streamOf(providerPaymentId), providerPaymentId, requestId);
    }

    /** Provider ids are short numbers: the prefix keeps them apart from every other aggregate id. */
    public static String streamOf(String providerPaymentId) {
        return "provider-payment:" + providerPaymentId;
    }
}
