package io.vertomic.cache;

import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A segment cache that only the processes able to read storage can read or fill: memcached and
 * Hazelcast's map authenticate nobody, so every value goes in sealed with AES-256-GCM under a key
 * kept in the storage itself (root {@value #ROOT}, made by the first process that needs it), with
 * the cache key as associated data. Access to storage stays the authority, as for the transactor's
 * secret: a process that reaches the cache but not storage sees only ciphertext, and what it puts
 * there (a forged value, or a sealed value moved under another key) does not open, so it is a miss
 * and the segment is read from storage. A sealed value is 28 bytes longer: a 12-byte nonce before
 * the ciphertext, a 16-byte tag after it.
 */
public final class SealedSegmentCache implements SegmentCache {
  /** The storage root holding the 32-byte key. */
  public static final String ROOT = "cache/key";

  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SegmentCache inner;
  private final SecretKeySpec key;

  private SealedSegmentCache(SegmentCache inner, byte[] key) {
    this.inner = inner;
    this.key = new SecretKeySpec(key, "AES");
  }

  /** {@code inner} sealed under the key of {@code storage}, made there when it has none yet. */
  public static Future<SegmentCache> open(Storage storage, SegmentCache inner) {
    return storage
        .root(ROOT)
        .compose(r -> r != null ? Future.succeededFuture(r.value()) : made(storage))
        .map(k -> new SealedSegmentCache(inner, k));
  }

  // a process opening the same storage at the same moment may make it first: then its key is used
  private static Future<byte[]> made(Storage storage) {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return storage
        .cas(ROOT, 0, k)
        .map(revision -> k)
        .recover(e -> storage.root(ROOT).map(r -> existing(r, e)));
  }

  private static byte[] existing(Root r, Throwable whyNotMade) {
    if (r == null) {
      throw whyNotMade instanceof RuntimeException re ? re : new IllegalStateException(whyNotMade);
    }
    return r.value();
  }

  @Override
  public Future<byte[]> get(String cacheKey) {
    return inner.get(cacheKey).map(box -> box == null ? null : unseal(cacheKey, box));
  }

  @Override
  public Future<Void> put(String cacheKey, byte[] value) {
    return inner.put(cacheKey, seal(cacheKey, value));
  }

  @Override
  public Future<Void> remove(String cacheKey) {
    return inner.remove(cacheKey);
  }

  @Override
  public Future<Void> close() {
    return inner.close();
  }

  private byte[] seal(String cacheKey, byte[] value) {
    byte[] out = new byte[NONCE + value.length + TAG_BITS / 8];
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 0, NONCE);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, cacheKey, nonce);
      c.doFinal(value, 0, value.length, out, NONCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
    return out;
  }

  // null when the value does not open under this key for this cache key: a miss
  private byte[] unseal(String cacheKey, byte[] box) {
    if (box.length < NONCE + TAG_BITS / 8) {
      return null;
    }
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, cacheKey, Arrays.copyOf(box, NONCE));
      return c.doFinal(box, NONCE, box.length - NONCE);
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private Cipher cipher(int mode, String cacheKey, byte[] nonce) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    c.updateAAD(cacheKey.getBytes(StandardCharsets.UTF_8));
    return c;
  }
}
