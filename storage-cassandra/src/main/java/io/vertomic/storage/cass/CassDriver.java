package io.vertomic.storage.cass;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.vertx.cassandra.CassandraClientOptions;
import java.time.Duration;

/** The driver settings of every Cassandra session Vertomic opens. */
final class CassDriver {
  private CassDriver() {}

  /**
   * Options for a session with the node at {@code host:port} in datacenter {@code dc}. A closing
   * session does not wait: the driver's default is a 2 s quiet period in which its event loops wait
   * for more tasks, and a storage is closed only once its work is done, so each close (every
   * command-line call, test and backup) would spend 2 s doing nothing. A node that was down is
   * tried again at most 10 s apart, not the driver's 60 s: until then a peer's session has no node
   * to ask and every read of the storage is {@code unavailable}, long after the node is back.
   */
  static CassandraClientOptions options(String host, int port, String dc) {
    CassandraClientOptions o = new CassandraClientOptions().addContactPoint(host, port);
    o.dataStaxClusterBuilder()
        .withLocalDatacenter(dc)
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(10))
                .build());
    return o;
  }
}
