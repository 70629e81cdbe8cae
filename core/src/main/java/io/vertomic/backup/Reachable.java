package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.index.NodeCodec;
import io.vertomic.storage.Storage;
import io.vertomic.wire.Frame;
import io.vertomic.wire.FulltextManifest;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The segments an index reaches from its roots, found by walking branches and the fulltext
 * manifest; leaves and fulltext chunks are read (and so checked: checksum, format) only when {@code
 * verify} is set. Runs on the calling thread and waits for storage, so never on an event loop.
 */
public final class Reachable {
  private Reachable() {}

  /** Every segment key reachable from {@code roots}, parents before children. */
  public static Set<String> from(Storage storage, List<String> roots, boolean verify) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String key = todo.pop();
      if (!seen.add(key)) {
        continue;
      }
      byte[] bytes = await(storage.get(key), "read segment " + key);
      if (bytes == null) {
        throw Anomaly.fault("Segment " + key + " is missing from storage", null);
      }
      switch (Frame.kind(bytes)) {
        case Frame.K_FULLTEXT_MANIFEST -> {
          List<String> chunks =
              FulltextManifest.decode(bytes, "fulltext manifest " + key).chunkKeys();
          if (verify) {
            todo.addAll(chunks);
          } else {
            seen.addAll(chunks);
          }
        }
        case Frame.K_FULLTEXT_CHUNK -> check(bytes, key);
        default -> {
          NodeCodec.Children node = NodeCodec.children(bytes, "segment " + key);
          if (node.level() == 1 && !verify) {
            seen.addAll(node.keys());
          } else {
            todo.addAll(node.keys());
          }
        }
      }
    }
    return seen;
  }

  /** Checks that the stored segment {@code bytes} decodes as its kind; a {@code fault} if not. */
  static void check(byte[] bytes, String key) {
    switch (Frame.kind(bytes)) {
      case Frame.K_FULLTEXT_MANIFEST -> FulltextManifest.decode(bytes, "fulltext manifest " + key);
      case Frame.K_FULLTEXT_CHUNK -> Frame.unwrap(Frame.K_FULLTEXT_CHUNK, bytes, "chunk " + key);
      default -> NodeCodec.children(bytes, "segment " + key);
    }
  }

  static <T> T await(Future<T> f, String what) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw io.vertomic.anomaly.Anomalies.from(e.getCause());
    } catch (Exception e) {
      throw Anomaly.unavailable("Storage did not answer: " + what, e);
    }
  }
}
