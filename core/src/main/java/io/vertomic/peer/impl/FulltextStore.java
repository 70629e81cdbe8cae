package io.vertomic.peer.impl;

import io.vertomic.fulltext.FulltextIndex;
import io.vertomic.fulltext.FulltextSegment;
import io.vertomic.wire.Frame;
import io.vertomic.wire.FulltextManifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The fulltext index in storage, next to the index trees: an index job writes the Lucene segments
 * that are only in memory as chunks ({@link Frame#K_FULLTEXT_CHUNK}) and a manifest naming every
 * segment, stored or new; the database root names the manifest after the eight trees. A peer reads
 * it back lazily: the manifest at the first search, then only the chunks a search touches, through
 * the segment cache (and memcached, when configured), like the trees' nodes.
 */
final class FulltextStore {
  /** The bytes of a chunk before compression: an item of every storage, DynamoDB's included. */
  static final int CHUNK_BYTES = 256 * 1024;

  /** The segments to put and the key of the manifest naming them. */
  record Written(String manifestKey, Map<String, byte[]> segments) {}

  private FulltextStore() {}

  /**
   * The segments that store {@code index}, built now where they were not ({@code newKey} names each
   * new segment): chunks of the Lucene segments not stored yet, then the manifest.
   */
  static Written write(FulltextIndex index, Supplier<String> newKey) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    List<FulltextManifest.AttrIndex> attrs = new ArrayList<>();
    for (Map.Entry<Long, List<FulltextSegment>> e : new TreeMap<>(index.segments()).entrySet()) {
      List<FulltextManifest.Segment> segs = new ArrayList<>();
      for (FulltextSegment s : e.getValue()) {
        segs.add(s.stored() != null ? s.stored() : chunked(s, newKey, out));
      }
      attrs.add(new FulltextManifest.AttrIndex(e.getKey(), List.copyOf(segs)));
    }
    String key = newKey.get();
    out.put(key, new FulltextManifest(List.copyOf(attrs)).encode());
    return new Written(key, out);
  }

  private static FulltextManifest.Segment chunked(
      FulltextSegment s, Supplier<String> newKey, Map<String, byte[]> out) {
    FulltextSegment.Blob blob = s.blob();
    byte[] bytes = blob.bytes();
    List<String> chunks = new ArrayList<>();
    for (int from = 0; from < bytes.length; from += CHUNK_BYTES) {
      byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_BYTES));
      String key = newKey.get();
      out.put(key, Frame.wrap(Frame.K_FULLTEXT_CHUNK, chunk));
      chunks.add(key);
    }
    return new FulltextManifest.Segment(s.docs(), CHUNK_BYTES, blob.files(), List.copyOf(chunks));
  }

  /**
   * The fulltext index the manifest {@code key} names, read through {@code source} when searched.
   */
  static FulltextIndex load(String key, SegmentNodeSource source) {
    return FulltextIndex.stored(
        () -> {
          FulltextManifest m =
              FulltextManifest.decode(source.read(key), "fulltext manifest " + key);
          Map<Long, List<FulltextSegment>> out = new HashMap<>();
          for (FulltextManifest.AttrIndex a : m.attrs()) {
            List<FulltextSegment> segs = new ArrayList<>();
            for (FulltextManifest.Segment s : a.segments()) {
              segs.add(FulltextSegment.stored(a.attr(), s, source::fulltextChunk));
            }
            out.put(a.attr(), List.copyOf(segs));
          }
          return out;
        });
  }
}
