package io.vertomic.peer;

import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageSettings;
import io.vertomic.storage.StorageUri;
import io.vertomic.storage.dev.DevStorageProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Excision on the dev storage (an LMDB file store in a temporary directory). */
class DevExcisionTest extends ExcisionContractTest {
  @TempDir Path dir;

  @BeforeEach
  void devDir() {
    Peer.configure(Peer.options().setDataDir(dir.toString()));
  }

  @AfterEach
  void noDevDir() {
    Peer.configure(Peer.options().setDataDir(PeerOptions.DEFAULT_DATA_DIR));
  }

  @Override
  protected String uri(String name) {
    return "vertomic:dev://127.0.0.1:4334/" + name;
  }

  @Override
  protected Storage storage() throws Exception {
    return get(
        new DevStorageProvider()
            .open(vertx, StorageUri.parse(uri("x")), new StorageSettings(dir.toString())));
  }
}
