package io.vertomic.transactor;

import io.vertomic.peer.ExcisionContractTest;
import io.vertomic.storage.Storage;
import io.vertomic.storage.sql.SqlStorage;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * Excision on a transactor system (this JVM a peer, the transactor a child JVM on PostgreSQL): the
 * transactor's index job cleans the stored log and segments that the peer's {@code syncExcise}
 * waits for.
 */
@Tag("slow") // child JVMs
class ExcisionThroughTransactorTest extends ExcisionContractTest {
  private final String cluster = "excise-" + UUID.randomUUID();
  private ChildJvm transactor;

  @BeforeEach
  void startTransactor() throws Exception {
    transactor = Systems.transactor(cluster, Systems.sqlSystem(), 5000);
    transactor.await(l -> l.contains(" active epoch "), 120, "transactor activation");
    System.setProperty("vertomic.cluster.name", cluster);
  }

  @Override
  protected void stopped() throws Exception {
    System.clearProperty("vertomic.cluster.name");
    transactor.close();
  }

  @Override
  protected String uri(String name) {
    return Systems.sqlSystem().replace("*", name);
  }

  @Override
  protected Storage storage() throws Exception {
    return get(
        SqlStorage.open(
            vertx, Systems.sqlSystem().substring(Systems.sqlSystem().indexOf('?') + 1), 1));
  }
}
