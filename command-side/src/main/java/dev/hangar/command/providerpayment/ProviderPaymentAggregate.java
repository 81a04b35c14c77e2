package dev.hangar.command.providerpayment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.hangar.kernel.payment.PaymentNotificationReceived;
import dev.hangar.kernel.payment.RecordPaymentNotification;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The inbox of one provider payment's notifications. A verified webhook is stored here before it
 * is acknowledged, so a restart after the acknowledgement still checks the payment; the check
 * itself (fetching the payment from the provider) is the payment check saga's.
 */
@Aggregate
public class ProviderPaymentAggregate {

    @AggregateIdentifier
    private String notificationsId;

    public ProviderPaymentAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPaymentNotification cmd) {
        // every notification counts: the payment's status may have moved since the last one
        apply(new PaymentNotificationReceived(cmd.providerPaymentId(), cmd.requestId(),
                GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(PaymentNotificationReceived e) {
        notificationsId = RecordPaymentNotification.streamOf(e.providerPaymentId());
    }
}
