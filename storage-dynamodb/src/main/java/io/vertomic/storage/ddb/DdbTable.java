package io.vertomic.storage.ddb;

import static io.vertomic.storage.ddb.DdbLayout.K;
import static io.vertomic.storage.ddb.DdbLayout.P;

import io.vertomic.storage.StorageErrors;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One DynamoDB table seen through Vert.x futures: every SDK call's {@link CompletableFuture} is
 * bridged back to the Vert.x context of its caller, so continuations never run on the SDK's
 * threads, and its failure is translated once by {@link DdbErrors}. Items are addressed by {@code
 * (p, k)}; names go through expression placeholders so none can clash with DynamoDB's reserved
 * words. Thread-safe.
 */
final class DdbTable {
  private static final Map<String, String> NAMES = Map.of("#k", K, "#rev", DdbLayout.REV);

  /** Most items one {@code BatchWriteItem} takes (DynamoDB's limit). */
  static final int BATCH_ITEMS = 25;

  // requests of a batch write before what DynamoDB leaves unprocessed fails it, and the first
  // pause between them (doubled each time: 50 ms to 6.4 s, 12.7 s in all)
  private static final int BATCH_ATTEMPTS = 8;
  private static final long BATCH_PAUSE_MILLIS = 50;

  private final Vertx vertx;
  final DynamoDbAsyncClient client;
  final String table;
  final String name;
  private final DdbClient owner;
  private volatile boolean closed;

  DdbTable(Vertx vertx, DdbClient client, String table, String name) {
    this.vertx = vertx;
    this.owner = client;
    this.client = client.sdk;
    this.table = table;
    this.name = name;
  }

  /** Succeeds unless the storage was closed. */
  Future<Void> ready() {
    return closed ? Future.failedFuture(StorageErrors.closed(name)) : Future.succeededFuture();
  }

  /** Runs one SDK call; its result or its translated failure arrives on the caller's context. */
  <T> Future<T> call(String what, Supplier<CompletableFuture<T>> op) {
    if (closed) {
      return Future.failedFuture(StorageErrors.closed(name));
    }
    Context context = vertx.getOrCreateContext();
    CompletableFuture<T> cf;
    try {
      cf = op.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(DdbErrors.translate(name, what, e));
    }
    return Future.fromCompletionStage(cf, context)
        .recover(e -> Future.failedFuture(DdbErrors.translate(name, what, e)));
  }

  /**
   * Writes {@code item} when {@code condition} holds; answers false when it does not (a lost
   * compare-and-swap or append), {@code values} naming the condition's placeholders.
   */
  Future<Boolean> putIf(
      String what,
      Map<String, AttributeValue> item,
      String condition,
      Map<String, AttributeValue> values) {
    return call(
        what,
        () ->
            applied(
                client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item)
                            .conditionExpression(condition)
                            .expressionAttributeNames(names(condition))
                            .expressionAttributeValues(values.isEmpty() ? null : values))));
  }

  /** Deletes the item at {@code (p, k)} when {@code condition} holds; false when it does not. */
  Future<Boolean> deleteIf(
      String what, String p, String k, String condition, Map<String, AttributeValue> values) {
    return call(
        what,
        () ->
            applied(
                client.deleteItem(
                    r ->
                        r.tableName(table)
                            .key(key(p, k))
                            .conditionExpression(condition)
                            .expressionAttributeNames(names(condition))
                            .expressionAttributeValues(values.isEmpty() ? null : values))));
  }

  /** Writes {@code item} unconditionally and answers the item it replaced (null when none). */
  Future<Map<String, AttributeValue>> replace(String what, Map<String, AttributeValue> item) {
    return call(
            what,
            () ->
                client.putItem(
                    r -> r.tableName(table).item(item).returnValues(ReturnValue.ALL_OLD)))
        .map(r -> r.hasAttributes() && !r.attributes().isEmpty() ? r.attributes() : null);
  }

  /** The placeholders {@code condition} uses: DynamoDB refuses unused ones. */
  private static Map<String, String> names(String condition) {
    Map<String, String> used = new HashMap<>();
    NAMES.forEach(
        (placeholder, attr) -> {
          if (condition.contains(placeholder)) {
            used.put(placeholder, attr);
          }
        });
    return used;
  }

  private static CompletableFuture<Boolean> applied(CompletableFuture<?> write) {
    return write.handle(
        (r, e) -> {
          Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          if (c == null) {
            return true;
          }
          if (c instanceof ConditionalCheckFailedException) {
            return false;
          }
          throw e instanceof CompletionException ce ? ce : new CompletionException(e);
        });
  }

  /** Releases the client; later calls fail {@code unavailable}. */
  Future<Void> close() {
    closed = true;
    // closing waits for the client's I/O threads to end: not on an event loop
    return vertx.executeBlocking(
        () -> {
          owner.close();
          return null;
        });
  }

  static Map<String, AttributeValue> key(String p, String k) {
    return Map.of(P, s(p), K, s(k));
  }

  static AttributeValue s(String s) {
    return AttributeValue.fromS(s);
  }

  static AttributeValue n(long n) {
    return AttributeValue.fromN(Long.toString(n));
  }

  /** The item at {@code (p, k)}, or null; {@code consistent} for a strongly consistent read. */
  Future<Map<String, AttributeValue>> get(String what, String p, String k, boolean consistent) {
    return call(
            what,
            () -> client.getItem(r -> r.tableName(table).key(key(p, k)).consistentRead(consistent)))
        .map(r -> r.hasItem() && !r.item().isEmpty() ? r.item() : null);
  }

  /** Writes {@code item} unconditionally. */
  Future<Void> put(String what, Map<String, AttributeValue> item) {
    return call(what, () -> client.putItem(r -> r.tableName(table).item(item))).mapEmpty();
  }

  /**
   * Writes {@code items} (at most {@link #BATCH_ITEMS}, no two with the same key) unconditionally
   * in one {@code BatchWriteItem}; the items DynamoDB leaves unprocessed (over the table's
   * capacity) are sent again after a growing pause, and the write fails {@code busy} when some are
   * still left after {@link #BATCH_ATTEMPTS} requests.
   */
  Future<Void> putBatch(String what, List<Map<String, AttributeValue>> items) {
    List<WriteRequest> requests = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      requests.add(WriteRequest.builder().putRequest(r -> r.item(item)).build());
    }
    return putBatch(what, requests, 1);
  }

  private Future<Void> putBatch(String what, List<WriteRequest> requests, int attempt) {
    return call(what, () -> client.batchWriteItem(r -> r.requestItems(Map.of(table, requests))))
        .compose(
            response -> {
              List<WriteRequest> left = response.unprocessedItems().getOrDefault(table, List.of());
              if (left.isEmpty()) {
                return Future.succeededFuture();
              }
              if (attempt >= BATCH_ATTEMPTS) {
                return Future.failedFuture(
                    StorageErrors.busy(
                        name, what, new IllegalStateException(left.size() + " items unprocessed")));
              }
              Promise<Void> again = Promise.promise();
              vertx.setTimer(
                  BATCH_PAUSE_MILLIS << (attempt - 1),
                  id -> putBatch(what, left, attempt + 1).onComplete(again));
              return again.future();
            });
  }

  /** Deletes the item at {@code (p, k)} and answers what it held (null when nothing). */
  Future<Map<String, AttributeValue>> delete(String what, String p, String k) {
    return call(
            what,
            () ->
                client.deleteItem(
                    r -> r.tableName(table).key(key(p, k)).returnValues(ReturnValue.ALL_OLD)))
        .map(DeleteItemResponse::attributes)
        .map(old -> old == null || old.isEmpty() ? null : old);
  }

  /**
   * The items of partition {@code p} whose sort key meets {@code keyCondition} (over {@code #k},
   * with {@code values} for its placeholders), in sort-key order, at most {@code limit}, following
   * DynamoDB's 1 MB pages; strongly consistent.
   */
  Future<List<Map<String, AttributeValue>>> query(
      String what,
      String p,
      String keyCondition,
      Map<String, AttributeValue> values,
      String projection,
      int limit) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":p", s(p));
    Map<String, String> names = new HashMap<>(Map.of("#p", P, "#k", K));
    String condition = "#p = :p" + (keyCondition == null ? "" : " AND " + keyCondition);
    QueryRequest.Builder base =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression(condition)
            .expressionAttributeValues(all)
            .consistentRead(true);
    if (projection != null) {
      for (String attr : projection.split(",")) {
        names.put("#" + attr, attr);
      }
      base.projectionExpression(projection.replaceAll("([a-z]+)", "#$1"));
    }
    base.expressionAttributeNames(names);
    return page(what, base, null, limit, new ArrayList<>());
  }

  private Future<List<Map<String, AttributeValue>>> page(
      String what,
      QueryRequest.Builder base,
      Map<String, AttributeValue> start,
      int limit,
      List<Map<String, AttributeValue>> out) {
    QueryRequest request = base.exclusiveStartKey(start).limit(limit - out.size()).build();
    return call(what, () -> client.query(request))
        .compose(
            (QueryResponse r) -> {
              out.addAll(r.items());
              boolean more = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
              return more && out.size() < limit
                  ? page(what, base, r.lastEvaluatedKey(), limit, out)
                  : Future.succeededFuture(out);
            });
  }
}
