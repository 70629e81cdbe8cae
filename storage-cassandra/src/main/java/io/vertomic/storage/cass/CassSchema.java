package io.vertomic.storage.cass;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.vertx.cassandra.CassandraClient;
import io.vertx.cassandra.CassandraClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Creates the keyspace and table of a cass storage, idempotently, from {@code schema.cql}. Run by
 * {@code scripts/cass-schema HOST:PORT KEYSPACE.TABLE}, and by the tests.
 */
public final class CassSchema {
  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

  private CassSchema() {}

  /** Creates {@code keyspace.table} (and the keyspace) when missing. */
  public static Future<Void> install(CassandraClient client, String keyspace, String table) {
    String text = ddl().replace("{keyspace}", keyspace).replace("{table}", table);
    Future<Void> chain = Future.succeededFuture();
    for (String statement : text.replaceAll("(?m)^--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        // schema changes wait for the node to agree on them: on a node just started that can
        // take longer than the driver's 2 s default for a request
        SimpleStatement ddl = SimpleStatement.newInstance(statement.trim()).setTimeout(DDL_TIMEOUT);
        chain = chain.compose(v -> client.execute(ddl).mapEmpty());
      }
    }
    return chain;
  }

  private static String ddl() {
    try (InputStream in = CassSchema.class.getResourceAsStream("schema.cql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code CassSchema HOST:PORT KEYSPACE.TABLE} */
  public static void main(String[] args) throws Exception {
    String[] hp = args[0].split(":");
    String[] kt = args[1].split("\\.");
    Vertx vertx = Vertx.vertx();
    try {
      CassandraClientOptions o =
          CassDriver.options(
              hp[0], Integer.parseInt(hp[1]), args.length > 2 ? args[2] : "datacenter1");
      CassandraClient c = CassandraClient.create(vertx, o);
      install(c, kt[0], kt[1])
          .eventually(c::close)
          .toCompletionStage()
          .toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
      System.out.println("cass-schema: " + args[1] + " ready on " + args[0]);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
