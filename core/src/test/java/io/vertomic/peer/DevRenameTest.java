package io.vertomic.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Renames of databases in the dev storage (LMDB files), this process their writer. */
class DevRenameTest extends RenameContractTest {
  @TempDir static Path dir;

  @BeforeAll
  static void files() throws Exception {
    System.setProperty("vertomic.dev.dir", Files.createDirectories(dir).toString());
  }

  @AfterAll
  static void noFiles() {
    System.clearProperty("vertomic.dev.dir");
  }

  @Override
  protected String uri(String name) {
    return "vertomic:dev://127.0.0.1:4337/" + name;
  }
}
