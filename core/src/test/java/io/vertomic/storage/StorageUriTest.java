package io.vertomic.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A database URI renamed: the same storage, another database name. */
class StorageUriTest {
  @ParameterizedTest
  @CsvSource({
    "vertomic:mem://shop, store, vertomic:mem://store",
    "vertomic:dev://127.0.0.1:4334/shop, store, vertomic:dev://127.0.0.1:4334/store",
    "vertomic:dev://shop:4334/shop, s.1, vertomic:dev://shop:4334/s.1",
  })
  void withNameNamesAnotherDatabaseOfTheSameStorage(String uri, String name, String expected) {
    StorageUri renamed = StorageUri.parse(uri).withName(name);
    assertEquals(expected, renamed.uri());
    assertEquals(name, renamed.database());
    assertEquals(StorageUri.parse(uri).system(), renamed.system());
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "", "a/b", "a?b", "a b"})
  void withNameRefusesWhatIsNotADatabaseName(String name) {
    Anomaly a =
        assertThrows(
            Anomaly.class, () -> StorageUri.parse("vertomic:dev://h:1/shop").withName(name));
    assertEquals(Category.INCORRECT, a.category());
  }
}
