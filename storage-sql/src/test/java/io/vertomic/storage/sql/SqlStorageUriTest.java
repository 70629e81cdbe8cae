package io.vertomic.storage.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.StorageUri;
import org.junit.jupiter.api.Test;

/** Parsing {@code vertomic:sql://} URIs, and the messages of those that do not parse. */
class SqlStorageUriTest {
  @Test
  void parsesTheDatabaseNameAndThePostgresqlUriAfterTheQuestionMark() {
    StorageUri u = StorageUri.parse("vertomic:sql://people?postgresql://u:pw@127.0.0.1:5432/test");
    assertEquals("sql", u.kind());
    assertEquals("people", u.database());
    assertEquals("postgresql://u:pw@127.0.0.1:5432/test", u.system());
  }

  @Test
  void messagesOfUrisThatDoNotParseHideThePassword() {
    for (String uri :
        new String[] {
          "vertomic:sql://bad name?postgresql://u:secret@127.0.0.1:5432/test",
          "vertomic:sql://people?mysql://u:secret@127.0.0.1:5432/test"
        }) {
      Anomaly a = assertThrows(Anomaly.class, () -> StorageUri.parse(uri));
      assertFalse(a.getMessage().contains("secret"), a.getMessage());
      assertTrue(a.getMessage().contains("u:***@"), a.getMessage());
    }
  }
}
