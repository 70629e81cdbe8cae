package io.vertomic.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The salted hash of an access key's secret, in the form the keys file stores it:
 *
 * <pre>{@code pbkdf2-sha256$ITERATIONS$SALT$HASH}</pre>
 *
 * with SALT (16 bytes) and HASH (32 bytes) in Base64 without padding, HASH being
 * PBKDF2WithHmacSHA256 of the secret's UTF-8 bytes. The salt and iteration count travel with the
 * hash, so a file may mix entries made with different counts. Immutable and thread-safe; {@link
 * #matches} costs the whole PBKDF2 (hundreds of ms at the default count), so callers remember its
 * answer rather than asking per request.
 *
 * <pre>{@code
 * SecretHash h = SecretHash.of("s3cret");   // random salt, DEFAULT_ITERATIONS
 * SecretHash.parse(h.encoded()).matches("s3cret") // => true
 * }</pre>
 */
public final class SecretHash {
  /** The iteration count of new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final String SCHEME = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private SecretHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** The hash of {@code secret} with a new random salt and {@link #DEFAULT_ITERATIONS}. */
  public static SecretHash of(String secret) {
    return of(secret, DEFAULT_ITERATIONS);
  }

  /** The hash of {@code secret} with a new random salt and {@code iterations} (at least 1). */
  public static SecretHash of(String secret, int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new SecretHash(iterations, salt, pbkdf2(secret, salt, iterations));
  }

  /**
   * The hash {@code encoded} stores.
   *
   * @throws IllegalArgumentException when it is not of the form above; the message never quotes it,
   *     so it may be logged
   */
  public static SecretHash parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "a secret hash has the form " + SCHEME + "$ITERATIONS$SALT$HASH");
    }
    int iterations;
    byte[] salt;
    byte[] hash;
    try {
      iterations = Integer.parseInt(parts[1]);
      salt = Base64.getDecoder().decode(parts[2]);
      hash = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a secret hash has a whole iteration count and Base64 salt and hash");
    }
    if (iterations < 1 || salt.length == 0 || hash.length != HASH_BYTES) {
      throw new IllegalArgumentException(
          "a secret hash has at least 1 iteration, a salt and a " + HASH_BYTES + "-byte hash");
    }
    return new SecretHash(iterations, salt, hash);
  }

  /** A new random secret: 32 bytes from a {@link SecureRandom}, Base64 URL-safe, 43 characters. */
  public static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Whether {@code secret} is the one hashed; compares in constant time. */
  public boolean matches(String secret) {
    // constant time: the comparison must not tell how much of a guess was right
    return MessageDigest.isEqual(hash, pbkdf2(secret, salt, iterations));
  }

  /** The stored form, {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}. */
  public String encoded() {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  public int iterations() {
    return iterations;
  }

  /** Names the scheme and count only: a hash in a log would let anyone guess at it offline. */
  @Override
  public String toString() {
    return "SecretHash[" + SCHEME + ", " + iterations + " iterations]";
  }

  private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
