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
    Peer.configure(Peer.options().setDataDir(Files.createDirectories(dir).toString()));
  }

  @AfterAll
  static void noFiles() {
    Peer.configure(Peer.options().setDataDir(PeerOptions.DEFAULT_DATA_DIR));
  }

  @Override
  protected String uri(String name) {
    return "vertomic:dev://127.0.0.1:4337/" + name;
  }
}
