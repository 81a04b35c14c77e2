package dev.hangar.saga.onboarding;

import dev.hangar.kernel.subscription.CreateSubscription;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.SubscriptionIds;
import dev.hangar.kernel.user.UserRegistered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Every registered user gets a FREE subscription. The processor's token is stored in the
 * relational store and advances only after the command succeeded, so a crash between the two
 * re-delivers the event; CreateSubscription is idempotent, so the user ends with exactly one.
 */
@Component
@ProcessingGroup(OnboardingPolicy.GROUP)
public class OnboardingPolicy {

    public static final String GROUP = "onboarding-policy";

    private final CommandGateway commandGateway;

    public OnboardingPolicy(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(UserRegistered event) {
        commandGateway.sendAndWait(new CreateSubscription(SubscriptionIds.forUser(event.userId()), event.userId(), Plan.FREE));
    }
}
