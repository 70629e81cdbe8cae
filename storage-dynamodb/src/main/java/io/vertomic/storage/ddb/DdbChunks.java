package io.vertomic.storage.ddb;

import static io.vertomic.storage.ddb.DdbLayout.C;
import static io.vertomic.storage.ddb.DdbLayout.N;
import static io.vertomic.storage.ddb.DdbLayout.V;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Values of any size as a head item plus chunk items ({@link DdbLayout} describes the layout):
 * {@link #write} stores the chunks after the first and answers the head's value attributes, which
 * the caller writes last (conditionally or not); {@link #read} puts a head's value back together.
 */
final class DdbChunks {
  private DdbChunks() {}

  /**
   * Writes chunks 1 to n-1 of {@code value} into partition {@code chunks} and answers the head
   * attributes {@code v} (chunk 0) and, for a split value, {@code n} and {@code c}.
   */
  static Future<Map<String, AttributeValue>> write(
      DdbTable table, String what, String chunks, byte[] value) {
    List<byte[]> parts = DdbLayout.split(value);
    Map<String, AttributeValue> head = new HashMap<>();
    head.put(V, AttributeValue.fromB(SdkBytes.fromByteArray(parts.get(0))));
    if (parts.size() == 1) {
      return Future.succeededFuture(head);
    }
    head.put(N, DdbTable.n(parts.size()));
    head.put(C, DdbTable.s(chunks));
    List<Future<Void>> writes = new ArrayList<>();
    for (int i = 1; i < parts.size(); i++) {
      Map<String, AttributeValue> item = new HashMap<>(DdbTable.key(chunks, DdbLayout.hex8(i)));
      item.put(V, AttributeValue.fromB(SdkBytes.fromByteArray(parts.get(i))));
      writes.add(table.put(what, item));
    }
    return Future.all(writes).map(done -> head);
  }

  /**
   * The value a head item holds; null when a chunk is missing, which only happens when the value
   * was replaced or deleted while it was read (the caller reads the head again).
   */
  static Future<byte[]> read(DdbTable table, String what, Map<String, AttributeValue> head) {
    byte[] first = head.get(V).b().asByteArray();
    if (!head.containsKey(C)) {
      return Future.succeededFuture(first);
    }
    String chunks = head.get(C).s();
    int n = Integer.parseInt(head.get(N).n());
    List<Future<Map<String, AttributeValue>>> reads = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      // chunks were written before their head, but only a consistent read is sure to see them
      reads.add(table.get(what, chunks, DdbLayout.hex8(i), true));
    }
    return Future.all(reads)
        .map(
            done -> {
              List<byte[]> parts = new ArrayList<>(List.of(first));
              for (Future<Map<String, AttributeValue>> r : reads) {
                if (r.result() == null) {
                  return null;
                }
                parts.add(r.result().get(V).b().asByteArray());
              }
              return DdbLayout.join(parts);
            });
  }

  /** Deletes the chunks a head item names (none for a value in one item). */
  static Future<Void> delete(DdbTable table, String what, Map<String, AttributeValue> head) {
    if (head == null || !head.containsKey(C)) {
      return Future.succeededFuture();
    }
    String chunks = head.get(C).s();
    int n = Integer.parseInt(head.get(N).n());
    List<Future<?>> deletes = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      deletes.add(table.delete(what, chunks, DdbLayout.hex8(i)));
    }
    return Future.all(deletes).mapEmpty();
  }
}
