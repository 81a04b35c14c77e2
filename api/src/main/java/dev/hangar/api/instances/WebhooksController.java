package dev.hangar.api.instances;

import dev.hangar.api.instances.WebhookDtos.Deliveries;
import dev.hangar.api.instances.WebhookDtos.Delivery;
import dev.hangar.api.instances.WebhookDtos.SigningSecret;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.webhook.IssueWebhookSecret;
import dev.hangar.kernel.webhook.ListWebhookDeliveries;
import dev.hangar.kernel.webhook.RotateWebhookSecret;
import dev.hangar.kernel.webhook.WebhookDeliveryList;
import dev.hangar.kernel.webhook.WebhookSigningSecret;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status webhooks (issue 13): the caller's signing secret (issued at its first read, rotatable)
 * and the deliveries made for one of the caller's instances, each attempt with its outcome.
 */
@RestController
@RequestMapping("/api/instances")
@Tag(name = "Instances: status webhooks")
class WebhooksController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final InstanceDirectory directory;

    WebhooksController(CommandGateway commands, QueryGateway queries, InstanceDirectory directory) {
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
    }

    @GetMapping("/webhook-secret")
    SigningSecret secret(@AuthenticationPrincipal AuthenticatedUser me) {
        WebhookSigningSecret secret;
        try {
            secret = commands.sendAndWait(new IssueWebhookSecret(me.userId()));
        } catch (HangarException e) {
            throw e;
        } catch (RuntimeException firstUseRace) {
            // two first reads at once: one of them issued it, the second read finds it
            secret = commands.sendAndWait(new IssueWebhookSecret(me.userId()));
        }
        return SigningSecret.of(secret);
    }

    /** The old secret stops signing at once; deliveries still waiting are signed with the new one. */
    @PostMapping("/webhook-secret/rotate")
    SigningSecret rotate(@AuthenticationPrincipal AuthenticatedUser me) {
        WebhookSigningSecret secret = commands.sendAndWait(new RotateWebhookSecret(me.userId()));
        return SigningSecret.of(secret);
    }

    /**
     * The caller's instance's deliveries (none for an instance without a webhook). An unknown or another
     * user's instance answers 404 INSTANCE_NOT_FOUND; a deleted instance's past deliveries stay readable.
     */
    @GetMapping("/{instanceId}/webhook-deliveries")
    Deliveries deliveries(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String instanceId) {
        WebhookDeliveryList list = queries.query(new ListWebhookDeliveries(me.userId(), instanceId),
                WebhookDeliveryList.class).join();
        if (list.deliveries().isEmpty() && directory.find(me.userId(), instanceId).isEmpty()) {
            throw new HangarException(HangarException.Kind.NOT_FOUND, "INSTANCE_NOT_FOUND", "Instance not found");
        }
        return new Deliveries(instanceId, list.deliveries().stream().map(Delivery::of).toList());
    }
}
