package io.vertomic.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * What a stored fulltext index is made of: per attribute, its Lucene segments, oldest first. A
 * segment's files lie one after another in a blob that storage holds as chunks ({@link
 * Frame#K_FULLTEXT_CHUNK} segments) of {@code chunkSize} bytes, the last one shorter. The database
 * root names the manifest as its ninth index root.
 */
public record FulltextManifest(List<AttrIndex> attrs) {
  /** The Lucene segments of attribute {@code attr}. */
  public record AttrIndex(long attr, List<Segment> segments) {}

  /** One Lucene segment: its document count, its files and the chunks holding them. */
  public record Segment(int docs, int chunkSize, List<File> files, List<String> chunks) {}

  /** A file of a segment, at {@code offset} in the segment's blob. */
  public record File(String name, long offset, long length) {}

  /** Every chunk key the manifest names. */
  public List<String> chunkKeys() {
    List<String> out = new ArrayList<>();
    for (AttrIndex a : attrs) {
      for (Segment s : a.segments()) {
        out.addAll(s.chunks());
      }
    }
    return out;
  }

  public byte[] encode() {
    try (ScratchPacker scratch = ScratchPacker.take()) {
      MessagePacker p = scratch.packer();
      p.packArrayHeader(attrs.size());
      for (AttrIndex a : attrs) {
        p.packArrayHeader(2).packLong(a.attr()).packArrayHeader(a.segments().size());
        for (Segment s : a.segments()) {
          p.packArrayHeader(4).packInt(s.docs()).packInt(s.chunkSize());
          p.packArrayHeader(s.files().size());
          for (File f : s.files()) {
            p.packArrayHeader(3).packString(f.name()).packLong(f.offset()).packLong(f.length());
          }
          p.packArrayHeader(s.chunks().size());
          for (String c : s.chunks()) {
            p.packString(c);
          }
        }
      }
      return Frame.wrap(Frame.K_FULLTEXT_MANIFEST, scratch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a manifest; fails {@code fault} naming {@code what} when the bytes are corrupt. */
  public static FulltextManifest decode(byte[] blob, String what) {
    byte[] payload = Frame.unwrap(Frame.K_FULLTEXT_MANIFEST, blob, what);
    try (MessageUnpacker u = Msgpack.unpacker(payload)) {
      int na = u.unpackArrayHeader();
      List<AttrIndex> attrs = new ArrayList<>(na);
      for (int i = 0; i < na; i++) {
        u.unpackArrayHeader();
        long attr = u.unpackLong();
        int ns = u.unpackArrayHeader();
        List<Segment> segs = new ArrayList<>(ns);
        for (int j = 0; j < ns; j++) {
          u.unpackArrayHeader();
          int docs = u.unpackInt();
          int chunkSize = u.unpackInt();
          int nf = u.unpackArrayHeader();
          List<File> files = new ArrayList<>(nf);
          for (int k = 0; k < nf; k++) {
            u.unpackArrayHeader();
            files.add(new File(Msgpack.string(u), u.unpackLong(), u.unpackLong()));
          }
          int nc = u.unpackArrayHeader();
          List<String> chunks = new ArrayList<>(nc);
          for (int k = 0; k < nc; k++) {
            chunks.add(Msgpack.string(u));
          }
          segs.add(new Segment(docs, chunkSize, List.copyOf(files), List.copyOf(chunks)));
        }
        attrs.add(new AttrIndex(attr, List.copyOf(segs)));
      }
      return new FulltextManifest(List.copyOf(attrs));
    } catch (IOException | RuntimeException e) {
      throw Frame.corrupt(what, "does not decode (" + e.getMessage() + ")");
    }
  }
}
