package org.calconfleet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_timestamp_dot_body_as_python_computes_it() {
        // python3: hmac.new(b'It is a secret', b'1765000000.{"event":"drift.new"}', hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.sign("It is a secret", 1_765_000_000L, "{\"event\":\"drift.new\"}"))
                .isEqualTo("sha256=801f8510a31e495a696de5ab2c9198b65b2f17aca2890ac8c1735731694bd5ce");
    }

    @Test
    void a_webhook_url_is_an_absolute_http_or_https_url_with_a_host_and_no_user_name() {
        assertThat(WebhookSettings.urlRefusal("https://hooks.example.test/calcon?x=1")).isEmpty();
        assertThat(WebhookSettings.urlRefusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(WebhookSettings.urlRefusal("ftp://hooks.example.test/")).contains("webhook.error.url");
        assertThat(WebhookSettings.urlRefusal("hooks.example.test/calcon")).contains("webhook.error.url");
        assertThat(WebhookSettings.urlRefusal("https://user:pw@hooks.example.test/")).contains("webhook.error.url");
        assertThat(WebhookSettings.urlRefusal("https://exa mple.test/")).contains("webhook.error.url");
        assertThat(WebhookSettings.urlRefusal("https://hooks.example.test/" + "a".repeat(WebhookSettings.URL_MAX)))
                .contains("webhook.error.url-length");
    }
}
