package io.rapport.identity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA-256) of personal identifiers, so that what leaves the job (Elasticsearch
 * documents, alerts) can be joined on but not read. The secret is configuration ({@code
 * privacy.hash-secret}) and always required: with pseudonymization off, {@link #hash} passes values
 * through unchanged, but {@link #keyedHash} (what must never hold personal data, such as the audit
 * entry of an erasure) hashes regardless. Not thread-safe: one instance per operator instance.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] secret;
  private final boolean enabled;
  private transient Mac mac;

  public Pseudonymizer(String secret, boolean enabled) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(
          "a hash secret is required (privacy.hash-secret), also with pseudonymization off:"
              + " erasure audit entries are always keyed hashes");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.enabled = enabled;
  }

  /**
   * The keyed hash of a value (32 hex digits), or the value itself when disabled; null stays null.
   */
  public String hash(String value) {
    if (value == null || !enabled) {
      return value;
    }
    return keyedHash(value);
  }

  /**
   * The keyed hash of a value (32 hex digits) whether pseudonymization is on or off, for what must
   * never carry personal data; null stays null.
   */
  public String keyedHash(String value) {
    if (value == null) {
      return null;
    }
    byte[] digest = mac().doFinal(value.getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 16; i++) {
      sb.append(Character.forDigit((digest[i] >> 4) & 0xF, 16));
      sb.append(Character.forDigit(digest[i] & 0xF, 16));
    }
    return sb.toString();
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
    return mac;
  }
}
