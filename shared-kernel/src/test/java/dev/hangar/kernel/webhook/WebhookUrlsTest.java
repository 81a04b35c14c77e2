package dev.hangar.kernel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.kernel.common.HangarException;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @Test
    void httpAndHttpsUrlsWithAHostPass() {
        assertThat(WebhookUrls.problem("https://your-app.com/webhook")).isEmpty();
        assertThat(WebhookUrls.problem("http://hooks.example.com:8080/a/b?c=d")).isEmpty();
        assertThat(WebhookUrls.problem("HTTPS://EXAMPLE.COM/x")).isEmpty();
        assertThat(WebhookUrls.problem("http://10.0.0.1/x")).as("addresses are checked at delivery").isEmpty();
    }

    @Test
    void everythingElseIsRefusedWithTheReason() {
        assertThat(WebhookUrls.problem(null)).contains("webhookUrl: must not be blank");
        assertThat(WebhookUrls.problem(" ")).contains("webhookUrl: must not be blank");
        assertThat(WebhookUrls.problem("ftp://example.com/x")).contains("webhookUrl: must be an http or https URL");
        assertThat(WebhookUrls.problem("file:///etc/passwd")).contains("webhookUrl: must be an http or https URL");
        assertThat(WebhookUrls.problem("gopher://example.com")).contains("webhookUrl: must be an http or https URL");
        assertThat(WebhookUrls.problem("example.com/hook")).contains("webhookUrl: must be an http or https URL");
        assertThat(WebhookUrls.problem("http:///nohost")).contains("webhookUrl: must name a host");
        assertThat(WebhookUrls.problem("http://user:pw@example.com/")).contains("webhookUrl: must not carry user info");
        assertThat(WebhookUrls.problem("http://example.com/#frag")).contains("webhookUrl: must not carry a fragment");
        assertThat(WebhookUrls.problem("http://exa mple.com/")).contains("webhookUrl: not a valid URL");
        assertThat(WebhookUrls.problem("https://example.com/" + "a".repeat(WebhookUrls.MAX_LENGTH)))
                .contains("webhookUrl: must be at most 2048 characters");
    }

    @Test
    void requireIsAValidationError() {
        assertThat(WebhookUrls.require("https://example.com/h")).isEqualTo("https://example.com/h");
        assertThatThrownBy(() -> WebhookUrls.require("ftp://example.com"))
                .isInstanceOfSatisfying(HangarException.class,
                        e -> assertThat(e.kind()).isEqualTo(HangarException.Kind.VALIDATION));
    }
}
