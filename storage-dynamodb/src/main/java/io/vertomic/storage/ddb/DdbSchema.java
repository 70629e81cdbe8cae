package io.vertomic.storage.ddb;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the table of a {@code ddb} storage when it does not exist, and waits until it is active:
 * partition key {@code p} and sort key {@code k}, both strings, on-demand capacity
 * (PAY_PER_REQUEST). Idempotent. Run by {@code scripts/ddb-schema URI}, by {@code
 * scripts/transactor} and {@code scripts/peer-server} for a ddb URI, and by the tests.
 */
public final class DdbSchema {
  private static final int WAIT_SECONDS = 300;

  private DdbSchema() {}

  /** Creates the table {@code uri} names when missing; true when this call created it. */
  public static Future<Boolean> install(Vertx vertx, String uri) {
    StorageUri u = StorageUri.parse(uri);
    if (!u.kind().equals("ddb")) {
      return Future.failedFuture(
          Anomaly.incorrect("db.error/invalid-uri", "Not a ddb storage URI: " + uri));
    }
    DdbStorageProvider.Target target = DdbStorageProvider.target(u.system(), uri);
    return DdbClient.create(vertx, target)
        .compose(
            client -> {
              DdbTable table = new DdbTable(vertx, client, target.table(), target.shown());
              return status(table)
                  .compose(s -> s == null ? create(table).map(true) : Future.succeededFuture(false))
                  .compose(created -> active(vertx, table, WAIT_SECONDS).map(created))
                  .eventually(table::close);
            });
  }

  /** The table's status, or null when there is no such table. */
  private static Future<TableStatus> status(DdbTable table) {
    return table.call(
        "describe table",
        () ->
            table
                .client
                .describeTable(r -> r.tableName(table.table))
                .handle(
                    (r, e) -> {
                      if (e == null) {
                        return r.table().tableStatus();
                      }
                      if (unwrap(e) instanceof ResourceNotFoundException) {
                        return null;
                      }
                      throw new CompletionException(unwrap(e));
                    }));
  }

  private static Future<Void> create(DdbTable table) {
    return table.call(
        "create table",
        () ->
            table
                .client
                .createTable(
                    r ->
                        r.tableName(table.table)
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(
                                a ->
                                    a.attributeName(DdbLayout.P)
                                        .attributeType(ScalarAttributeType.S),
                                a ->
                                    a.attributeName(DdbLayout.K)
                                        .attributeType(ScalarAttributeType.S))
                            .keySchema(
                                k -> k.attributeName(DdbLayout.P).keyType(KeyType.HASH),
                                k -> k.attributeName(DdbLayout.K).keyType(KeyType.RANGE)))
                .handle(
                    (r, e) -> {
                      // another process creating it at the same time is as good
                      if (e == null || unwrap(e) instanceof ResourceInUseException) {
                        return null;
                      }
                      throw new CompletionException(unwrap(e));
                    }));
  }

  private static Future<Void> active(Vertx vertx, DdbTable table, int seconds) {
    return status(table)
        .compose(
            s -> {
              if (s == TableStatus.ACTIVE) {
                return Future.succeededFuture();
              }
              if (seconds <= 0) {
                return Future.failedFuture(
                    Anomaly.unavailable(
                        "The table of " + table.name + " is still " + s + " after waiting", null));
              }
              Promise<Void> later = Promise.promise();
              vertx.setTimer(1000, id -> active(vertx, table, seconds - 1).onComplete(later));
              return later.future();
            });
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /** {@code DdbSchema URI}: creates the table of a ddb storage URI when it does not exist. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: scripts/ddb-schema 'vertomic:ddb://REGION/TABLE/*[?endpoint=..]'");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    try {
      boolean created =
          Future.<Void>succeededFuture()
              .compose(v -> install(vertx, args[0]))
              .toCompletionStage()
              .toCompletableFuture()
              .get(WAIT_SECONDS + 60, TimeUnit.SECONDS);
      System.out.println(
          "ddb-schema: table " + (created ? "created" : "ready") + " for " + args[0]);
    } catch (java.util.concurrent.ExecutionException e) {
      System.err.println("ddb-schema: " + e.getCause().getMessage());
      System.exit(1);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
