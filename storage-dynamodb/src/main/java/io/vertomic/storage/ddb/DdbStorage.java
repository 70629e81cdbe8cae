package io.vertomic.storage.ddb;

import static io.vertomic.storage.ddb.DdbLayout.K;
import static io.vertomic.storage.ddb.DdbLayout.REV;
import static io.vertomic.storage.ddb.DdbLayout.ROOTS;
import static io.vertomic.storage.ddb.DdbLayout.V;
import static io.vertomic.storage.ddb.DdbTable.n;
import static io.vertomic.storage.ddb.DdbTable.s;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.InGroups;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.SegmentPartitions;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageErrors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ddb} storage: segments, roots and logs as items of one DynamoDB table (layout in
 * {@link DdbLayout}) through the AWS SDK's async client. A compare-and-swap is a write conditioned
 * on the root's revision ({@code #rev = :expected}, or {@code attribute_not_exists} to create), a
 * log append a write conditioned on {@code attribute_not_exists}, so a stale writer can never
 * overwrite an entry. Roots and the log are read strongly consistent; a segment is first read
 * eventually consistent (half the cost) and again consistent only when that read misses, since a
 * segment, once written, never changes. Thread-safe; never blocks.
 */
final class DdbStorage implements Storage {
  /** Deletes in flight at most, so a large delete never floods the client. */
  private static final int GROUP = 25;

  /** Batch writes of {@link #putAll} in flight at most. */
  private static final int BATCHES_IN_FLIGHT = 4;

  private final DdbTable table;

  private DdbStorage(DdbTable table) {
    this.table = table;
  }

  /** Opens a storage on {@code client}'s table, which must exist (DescribeTable checks). */
  static Future<Storage> open(Vertx vertx, DdbClient client, DdbStorageProvider.Target target) {
    DdbTable table = new DdbTable(vertx, client, target.table(), target.shown());
    return table
        .call("open", () -> table.client.describeTable(r -> r.tableName(target.table())))
        .<Storage>map(d -> new DdbStorage(table))
        .recover(e -> table.close().transform(ar -> Future.failedFuture(e)));
  }

  /** The table underneath (for tests that look at the items). */
  DdbTable table() {
    return table;
  }

  @Override
  public Future<byte[]> get(String key) {
    String p = SegmentPartitions.of(key);
    String what = "get " + key;
    return table
        .get(what, p, key, false)
        .compose(h -> h != null ? Future.succeededFuture(h) : table.get(what, p, key, true))
        .compose(h -> h == null ? Future.succeededFuture() : DdbChunks.read(table, what, h));
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    String what = "put " + key;
    return DdbChunks.write(table, what, DdbLayout.segmentChunks(key), value)
        .compose(head -> table.put(what, item(SegmentPartitions.of(key), key, head)));
  }

  /**
   * Segments that fit one item go into {@code BatchWriteItem}s of {@link DdbTable#BATCH_ITEMS}, a
   * few in flight; a larger one (its chunks, then its head) as {@link #put} writes it. A key given
   * twice is written once: a segment's key names the same bytes.
   */
  @Override
  public Future<Void> putAll(List<Map.Entry<String, byte[]>> segments) {
    Map<String, Map<String, AttributeValue>> single = new LinkedHashMap<>();
    Map<String, byte[]> chunked = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> s : segments) {
      String key = s.getKey();
      if (s.getValue().length > DdbLayout.CHUNK) {
        chunked.putIfAbsent(key, s.getValue());
      } else {
        single.computeIfAbsent(
            key, k -> item(SegmentPartitions.of(k), k, Map.of(V, bytes(s.getValue()))));
      }
    }
    List<List<Map<String, AttributeValue>>> batches = new ArrayList<>();
    List<Map<String, AttributeValue>> items = List.copyOf(single.values());
    for (int from = 0; from < items.size(); from += DdbTable.BATCH_ITEMS) {
      batches.add(items.subList(from, Math.min(items.size(), from + DdbTable.BATCH_ITEMS)));
    }
    String what = "put " + segments.size() + " segments";
    return InGroups.run(batches, BATCHES_IN_FLIGHT, batch -> table.putBatch(what, batch))
        .compose(
            v ->
                InGroups.run(
                    List.copyOf(chunked.entrySet()), GROUP, s -> put(s.getKey(), s.getValue())));
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    String dir = SegmentPartitions.dir(prefix);
    List<Future<List<Map<String, AttributeValue>>>> parts = new ArrayList<>();
    for (int b = 0; b < SegmentPartitions.BUCKETS; b++) {
      parts.add(startingWith("list " + prefix, SegmentPartitions.of(dir, b), prefix));
    }
    return Future.all(parts)
        .map(
            all -> {
              TreeSet<String> out = new TreeSet<>();
              parts.forEach(f -> f.result().forEach(i -> out.add(i.get(K).s())));
              return List.copyOf(out);
            });
  }

  @Override
  public Future<Void> delete(Collection<String> keys) {
    return InGroups.run(
        List.copyOf(keys),
        GROUP,
        key ->
            table
                .delete("delete " + key, SegmentPartitions.of(key), key)
                .compose(old -> DdbChunks.delete(table, "delete " + key, old)));
  }

  @Override
  public Future<Root> root(String name) {
    return table
        .get("root " + name, ROOTS, name, true)
        .map(
            i ->
                i == null
                    ? null
                    : new Root(name, Long.parseLong(i.get(REV).n()), i.get(V).b().asByteArray()));
  }

  @Override
  public Future<List<String>> roots(String prefix) {
    return startingWith("list roots " + prefix, ROOTS, prefix)
        .map(items -> items.stream().map(i -> i.get(K).s()).toList());
  }

  @Override
  public Future<Long> cas(String name, long expected, byte[] value) {
    String what = "cas " + name;
    Future<Boolean> change;
    if (value != null && value.length > DdbLayout.CHUNK) {
      return Future.failedFuture(DdbErrors.rootTooLarge(table.name, name, value.length));
    } else if (value == null && expected == 0) {
      change = root(name).map(now -> now == null);
    } else if (value == null) {
      change = table.deleteIf(what, ROOTS, name, "#rev = :e", Map.of(":e", n(expected)));
    } else {
      Map<String, AttributeValue> item =
          item(ROOTS, name, Map.of(REV, n(expected + 1), V, bytes(value)));
      change =
          expected == 0
              ? table.putIf(what, item, "attribute_not_exists(#k)", Map.of())
              : table.putIf(what, item, "#rev = :e", Map.of(":e", n(expected)));
    }
    return change.compose(
        applied ->
            applied
                ? Future.succeededFuture(value == null ? 0L : expected + 1)
                : root(name)
                    .compose(
                        now ->
                            Future.failedFuture(
                                StorageErrors.casFailed(
                                    name, expected, now == null ? 0 : now.revision()))));
  }

  @Override
  public Future<Void> appendLog(String db, long t, byte[] entry) {
    String what = "append t " + t + " to " + db;
    String writer = UUID.randomUUID().toString();
    return DdbChunks.write(table, what, DdbLayout.logChunks(db, t, writer), entry)
        .compose(
            head ->
                table
                    .putIf(
                        what,
                        item(DdbLayout.logPartition(db), DdbLayout.hex16(t), head),
                        "attribute_not_exists(#k)",
                        Map.of())
                    .compose(
                        applied ->
                            applied
                                ? Future.<Void>succeededFuture()
                                // the chunks of the losing writer are nobody's: remove them
                                : DdbChunks.delete(table, what, head)
                                    .transform(
                                        ar ->
                                            Future.failedFuture(StorageErrors.logTExists(db, t)))));
  }

  @Override
  public Future<Void> replaceLog(String db, long t, byte[] entry) {
    String what = "replace t " + t + " of " + db;
    String writer = UUID.randomUUID().toString();
    return DdbChunks.write(table, what, DdbLayout.logChunks(db, t, writer), entry)
        .compose(
            head -> table.replace(what, item(DdbLayout.logPartition(db), DdbLayout.hex16(t), head)))
        .compose(old -> DdbChunks.delete(table, what, old));
  }

  @Override
  public Future<List<LogRecord>> readLog(String db, long fromT, long untilT, int limit) {
    if (fromT >= untilT || limit <= 0) {
      return table.ready().map(v -> List.of());
    }
    String what = "read log of " + db;
    Map<String, AttributeValue> range =
        Map.of(":a", s(DdbLayout.hex16(Math.max(0, fromT))), ":b", s(DdbLayout.hex16(untilT - 1)));
    return table
        .query(what, DdbLayout.logPartition(db), "#k BETWEEN :a AND :b", range, null, limit)
        .compose(
            heads -> {
              List<Future<LogRecord>> entries = new ArrayList<>();
              for (Map<String, AttributeValue> h : heads) {
                entries.add(entry(db, what, h, true));
              }
              return Future.all(entries).map(all -> entries.stream().map(Future::result).toList());
            });
  }

  /** The log record of head {@code h}; read again once when an excision replaced it meanwhile. */
  private Future<LogRecord> entry(
      String db, String what, Map<String, AttributeValue> h, boolean again) {
    String k = h.get(K).s();
    return DdbChunks.read(table, what, h)
        .compose(
            bytes -> {
              if (bytes != null) {
                return Future.succeededFuture(new LogRecord(Long.parseLong(k, 16), bytes));
              }
              return table
                  .get(what, DdbLayout.logPartition(db), k, true)
                  .compose(
                      fresh ->
                          again && fresh != null
                              ? entry(db, what, fresh, false)
                              : Future.failedFuture(
                                  Anomaly.fault(
                                      "A chunk of t " + k + " is missing in " + table.name, null)));
            });
  }

  @Override
  public Future<Void> deleteLog(String db) {
    String what = "delete log of " + db;
    String p = DdbLayout.logPartition(db);
    return table
        .query(what, p, null, Map.of(), "k,n,c", Integer.MAX_VALUE)
        .compose(
            heads ->
                InGroups.run(
                    heads,
                    GROUP,
                    h ->
                        table
                            .delete(what, p, h.get(K).s())
                            .compose(old -> DdbChunks.delete(table, what, h))));
  }

  @Override
  public Future<Void> close() {
    return table.close();
  }

  private Future<List<Map<String, AttributeValue>>> startingWith(
      String what, String p, String prefix) {
    return table.query(
        what, p, "begins_with(#k, :prefix)", Map.of(":prefix", s(prefix)), "k", Integer.MAX_VALUE);
  }

  private static Map<String, AttributeValue> item(
      String p, String k, Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> item = new HashMap<>(attributes);
    item.putAll(DdbTable.key(p, k));
    return item;
  }

  private static AttributeValue bytes(byte[] value) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }
}
