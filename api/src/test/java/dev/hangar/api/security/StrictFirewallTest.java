package dev.hangar.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The faster firewall accepts and refuses exactly the header names, values and parameter names Spring Security's does. */
class StrictFirewallTest {

    private static final List<String> SAMPLES = List.of("", "plain", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc-_",
            "with\ttab", "line\nfeed", "nul\u0000", "del\u007f", "nel\u0085", "caf\u00e9", "\u4e2d\u6587", "unassigned\u0378",
            "emoji\ud83d\ude80", "lone\ud800surrogate", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./");

    @Test
    void sameVerdictsAsSpringSecuritysStrictFirewall() {
        StrictHttpFirewall ours = SecurityConfiguration.strictFirewall();
        StrictHttpFirewall theirs = new StrictHttpFirewall();
        int refused = 0;
        for (String sample : SAMPLES) {
            boolean value = accepts(theirs, "X-Test", sample, null);
            assertThat(accepts(ours, "X-Test", sample, null)).as("header value %s", sample).isEqualTo(value);
            String name = "X-" + sample;
            assertThat(accepts(ours, name, "v", null)).as("header name %s", name).isEqualTo(accepts(theirs, name, "v", null));
            assertThat(accepts(ours, "X-Test", "v", sample)).as("parameter name %s", sample)
                    .isEqualTo(accepts(theirs, "X-Test", "v", sample));
            refused += value ? 0 : 1;
        }
        // the samples do reach both sides of the rules
        assertThat(refused).isBetween(3, SAMPLES.size() - 3);
        assertThat(SecurityConfiguration.printableAscii("Bearer abc")).isTrue();
        assertThat(SecurityConfiguration.printableAscii("tab\t")).isFalse();
    }

    private static boolean accepts(StrictHttpFirewall firewall, String header, String value, String parameter) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/plans");
        request.addHeader(header, value);
        if (parameter != null) {
            request.addParameter(parameter, "1");
        }
        try {
            var firewalled = firewall.getFirewalledRequest(request);
            firewalled.getHeader(header);
            firewalled.getHeaderNames().asIterator().forEachRemaining(n -> { });
            firewalled.getParameterMap();
            return true;
        } catch (RequestRejectedException e) {
            return false;
        }
    }
}
