package dev.kakehashi.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals what a company priced before it reaches the database: AES-256-GCM under a key from
 * configuration (a Kubernetes Secret in production), so that a dump or a backup alone reveals no price.
 * Each ciphertext names its key, so keys rotate: a new key id encrypts, old ones still decrypt. The
 * consortium and company are the associated data, so a row copied to another contribution does not open.
 */
@ApplicationScoped
public class PriceCipher {

    private static final Logger LOG = Logger.getLogger(PriceCipher.class.getName());
    /** For local runs and tests only; a production start refuses it (see docs/operations.md). */
    static final String DEVELOPMENT_KEYS = "dev:a2FrZWhhc2hpLWRldmVsb3BtZW50LXByaWNlLWtleSE=";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private String current;

    PriceCipher() {
    }

    @Inject
    PriceCipher(@ConfigProperty(name = "kakehashi.prices.keys", defaultValue = DEVELOPMENT_KEYS) String keyRing,
                @ConfigProperty(name = "kakehashi.prices.key-id") java.util.Optional<String> currentKeyId) {
        this(keyRing, currentKeyId.orElse(""));
    }

    PriceCipher(String keyRing, String currentKeyId) {
        for (String entry : keyRing.split(",")) {
            String[] idAndKey = entry.strip().split(":", 2);
            if (idAndKey.length != 2 || idAndKey[0].isBlank()) {
                throw new IllegalArgumentException("KAKEHASHI_PRICES_KEYS: each entry is <key id>:<base64 of 32 bytes>");
            }
            byte[] key = Base64.getDecoder().decode(idAndKey[1].strip());
            if (key.length != 32) {
                throw new IllegalArgumentException("KAKEHASHI_PRICES_KEYS: key " + idAndKey[0] + " is not 32 bytes (AES-256)");
            }
            keys.put(idAndKey[0].strip(), new SecretKeySpec(key, "AES"));
        }
        current = currentKeyId.isBlank() ? keys.keySet().iterator().next() : currentKeyId.strip();
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("KAKEHASHI_PRICES_KEY_ID names no key of KAKEHASHI_PRICES_KEYS: " + current);
        }
        if (keyRing.equals(DEVELOPMENT_KEYS)) {
            LOG.warning("Prices are encrypted with the development key: set KAKEHASHI_PRICES_KEYS for any real use");
        }
    }

    public boolean usesDevelopmentKey() {
        return keys.size() == 1 && keys.containsKey("dev");
    }

    /** {@code <key id>:<base64 of nonce and ciphertext>}. */
    public String seal(String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return current + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Price not encrypted", e);
        }
    }

    public String open(String sealed, String associatedData) {
        int colon = sealed.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("A price is sealed under a key that is not configured: " + (colon < 0 ? "?" : sealed.substring(0, colon)));
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed price does not open: altered, or under another key", e);
        }
    }

    String currentKeyId() {
        return current;
    }
}
