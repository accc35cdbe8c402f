package org.calconfleet.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook is signed: {@code X-CalCon-Timestamp} carries the epoch seconds of the attempt, and
 * {@code X-CalCon-Signature} is {@code sha256=} and the hex HMAC-SHA256, under the shared secret, of
 * {@code <timestamp>.<body>}. A receiver computes the same and compares in constant time.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-CalCon-Timestamp";
    public static final String SIGNATURE_HEADER = "X-CalCon-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String sign(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }
}
