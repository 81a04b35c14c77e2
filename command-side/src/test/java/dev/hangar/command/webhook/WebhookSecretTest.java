package dev.hangar.command.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.webhook.IssueWebhookSecret;
import dev.hangar.kernel.webhook.RotateWebhookSecret;
import dev.hangar.kernel.webhook.WebhookSecretIssued;
import dev.hangar.kernel.webhook.WebhookSecretRotated;
import dev.hangar.kernel.webhook.WebhookSigningSecret;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    final SecretBox secrets = new SecretBox(new byte[32]);
    AggregateTestFixture<WebhookSecret> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookSecret.class);
        fixture.registerInjectableResource(secrets);
    }

    @Test
    void theFirstIssueCreatesASecretStoredOnlyEncrypted() {
        AtomicReference<WebhookSigningSecret> answer = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(new IssueWebhookSecret("u1"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new org.hamcrest.BaseMatcher<>() {
                    @Override
                    public boolean matches(Object item) {
                        answer.set((WebhookSigningSecret) item);
                        return true;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                    }
                })
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(WebhookSecretIssued.class))));
        WebhookSigningSecret secret = answer.get();
        assertThat(secret.secret()).startsWith("whsec_").hasSize(6 + 43);
        assertThat(secret.ownerId()).isEqualTo("u1");
        assertThat(secret.since()).isNotNull();
        assertThat(secret.toString()).doesNotContain(secret.secret());
    }

    @Test
    void aSecondIssueAnswersTheSameSecretAndRecordsNothing() {
        String ciphertext = secrets.encrypt("whsec_existing");
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        fixture.given(new WebhookSecretIssued("u1", ciphertext, since))
                .when(new IssueWebhookSecret("u1"))
                .expectNoEvents()
                .expectResultMessagePayload(new WebhookSigningSecret("u1", "whsec_existing", since));
    }

    @Test
    void rotationReplacesTheSecret() {
        fixture.given(new WebhookSecretIssued("u1", secrets.encrypt("whsec_old"), Instant.parse("2026-01-01T00:00:00Z")))
                .when(new RotateWebhookSecret("u1"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(WebhookSecretRotated.class))))
                .expectResultMessagePayloadMatching(new org.hamcrest.BaseMatcher<>() {
                    @Override
                    public boolean matches(Object item) {
                        return item instanceof WebhookSigningSecret s && !s.secret().equals("whsec_old")
                                && s.secret().startsWith("whsec_");
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("a new secret");
                    }
                });
    }
}
