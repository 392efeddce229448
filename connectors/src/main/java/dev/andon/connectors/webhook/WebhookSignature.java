package dev.andon.connectors.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 over the exact request body, sent as {@code X-Andon-Signature: sha256=<hex>} (the GitHub convention),
 * compared in constant time.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Andon-Signature";
    private final byte[] secret;

    public WebhookSignature(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("an HMAC secret needs at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean verifies(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(body).getBytes(), header.trim().toLowerCase().getBytes());
    }
}
