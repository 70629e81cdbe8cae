package io.vertomic.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHashTest {
  @Test
  void theStoredFormMatchesItsSecretOnlyAfterARoundTrip() {
    SecretHash h = SecretHash.of("s3cret", 1000);
    SecretHash read = SecretHash.parse(h.encoded());
    assertTrue(read.matches("s3cret"));
    assertFalse(read.matches("s3cret "));
    assertFalse(read.matches(""));
    assertEquals(1000, read.iterations());
    assertTrue(h.encoded().startsWith("pbkdf2-sha256$1000$"), h.encoded());
  }

  @Test
  void twoHashesOfOneSecretDifferByTheirSalt() {
    assertNotEquals(SecretHash.of("a", 10).encoded(), SecretHash.of("a", 10).encoded());
  }

  @Test
  void newHashesTakeTheDefaultCount() {
    assertTrue(SecretHash.of("x").encoded().startsWith("pbkdf2-sha256$600000$"));
  }

  @Test
  void toStringNeverShowsSaltOrHash() {
    SecretHash h = SecretHash.of("x", 10);
    String hash = h.encoded().substring(h.encoded().lastIndexOf('$') + 1);
    assertFalse(h.toString().contains(hash), h.toString());
  }

  @Test
  void newSecretsAreLongAndDistinct() {
    String a = SecretHash.newSecret();
    assertEquals(43, a.length());
    assertNotEquals(a, SecretHash.newSecret());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "s3cret",
        "sha1$10$AAAA$AAAA",
        "pbkdf2-sha256$ten$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$10$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
        "pbkdf2-sha256$10$!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void aMalformedStoredFormIsRefusedWithoutQuotingIt(String bad) {
    var e = assertThrows(IllegalArgumentException.class, () -> SecretHash.parse(bad));
    assertTrue(bad.isEmpty() || !e.getMessage().contains(bad), e.getMessage());
  }
}
