package io.vertomic.fulltext;

import io.vertomic.datom.Datom;
import io.vertomic.wire.FulltextManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * One immutable Lucene index of datoms of one attribute: each document holds a datom's value as
 * text, and its entity, transaction (negated for a retraction) and value as doc values, so a hit
 * becomes its datom again. Built in memory, or read from storage ({@link #stored}), where it stays
 * and is read a chunk at a time.
 */
public final class FulltextSegment {
  private static final String E = "e";
  private static final String TX = "tx";
  private static final String V = "value";

  private final long attr;
  private final DirectoryReader reader;
  private final Directory directory;
  private final FulltextManifest.Segment stored;

  private FulltextSegment(
      long attr, Directory directory, DirectoryReader reader, FulltextManifest.Segment stored) {
    this.attr = attr;
    this.directory = directory;
    this.reader = reader;
    this.stored = stored;
  }

  /** The segment of {@code datoms} of attribute {@code attr}, whose values are strings. */
  static FulltextSegment of(long attr, List<Datom> datoms) {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, config())) {
      for (Datom d : datoms) {
        String v = (String) d.v();
        Document doc = new Document();
        doc.add(new TextField(Analysis.FIELD, v, Field.Store.NO));
        doc.add(new NumericDocValuesField(E, d.e()));
        doc.add(new NumericDocValuesField(TX, d.added() ? d.tx() : -d.tx()));
        doc.add(new BinaryDocValuesField(V, new org.apache.lucene.util.BytesRef(v)));
        w.addDocument(doc);
      }
      w.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return opened(attr, dir, null);
  }

  /** One segment holding the documents of {@code parts}. */
  static FulltextSegment merged(long attr, List<FulltextSegment> parts) {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    List<CodecReader> readers = new ArrayList<>();
    try (IndexWriter w = new IndexWriter(dir, config())) {
      for (FulltextSegment p : parts) {
        for (LeafReaderContext leaf : p.reader.leaves()) {
          readers.add(SlowCodecReaderWrapper.wrap(leaf.reader()));
        }
      }
      w.addIndexes(readers.toArray(new CodecReader[0]));
      w.forceMerge(1);
      w.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return opened(attr, dir, null);
  }

  /**
   * The segment {@code stored} describes, read lazily: {@code chunk} gives the chunk stored under a
   * key (and may cache it). Nothing is read until the first search.
   */
  public static FulltextSegment stored(
      long attr, FulltextManifest.Segment stored, Function<String, byte[]> chunk) {
    Map<String, long[]> files = new HashMap<>();
    for (FulltextManifest.File f : stored.files()) {
      files.put(f.name(), new long[] {f.offset(), f.length()});
    }
    ChunkedDirectory dir =
        new ChunkedDirectory(files, stored.chunkSize(), i -> chunk.apply(stored.chunks().get(i)));
    return opened(attr, dir, stored);
  }

  private static IndexWriterConfig config() {
    // a log merge policy merges only neighbours, so documents stay in the order they were added,
    // which decides the hits a capped search keeps of equal scores
    return new IndexWriterConfig(Analysis.ANALYZER)
        .setSimilarity(Lucene3Similarity.INSTANCE)
        .setMergePolicy(new LogDocMergePolicy())
        .setRAMBufferSizeMB(64)
        .setUseCompoundFile(false)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
  }

  private static FulltextSegment opened(long attr, Directory dir, FulltextManifest.Segment stored) {
    try {
      return new FulltextSegment(attr, dir, DirectoryReader.open(dir), stored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DirectoryReader reader() {
    return reader;
  }

  /** How many datoms it indexes. */
  public int docs() {
    return reader.maxDoc();
  }

  /** How it is stored, or null while it is only in memory. */
  public FulltextManifest.Segment stored() {
    return stored;
  }

  /**
   * Its files laid one after another: the blob to store, and where each file lies in it. Read from
   * memory (a segment not stored yet) or from storage.
   */
  public Blob blob() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<FulltextManifest.File> files = new ArrayList<>();
    try {
      for (String name : directory.listAll()) {
        try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
          byte[] bytes = new byte[(int) in.length()];
          in.readBytes(bytes, 0, bytes.length);
          files.add(new FulltextManifest.File(name, out.size(), bytes.length));
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Blob(List.copyOf(files), out.toByteArray());
  }

  /** A segment's files in one byte array. */
  public record Blob(List<FulltextManifest.File> files, byte[] bytes) {}

  /**
   * The datoms of documents {@code docs} (ascending, numbered across the segment's leaves, from
   * {@code base}) into {@code out} at the same positions.
   */
  void datoms(int[] docs, int from, int to, int base, Datom[] out) {
    try {
      int i = from;
      for (LeafReaderContext leaf : reader.leaves()) {
        int end = base + leaf.docBase + leaf.reader().maxDoc();
        if (i >= to || docs[i] >= end) {
          continue;
        }
        NumericDocValues e = leaf.reader().getNumericDocValues(E);
        NumericDocValues tx = leaf.reader().getNumericDocValues(TX);
        BinaryDocValues v = leaf.reader().getBinaryDocValues(V);
        for (; i < to && docs[i] < end; i++) {
          int d = docs[i] - base - leaf.docBase;
          e.advanceExact(d);
          tx.advanceExact(d);
          v.advanceExact(d);
          long t = tx.longValue();
          out[i] =
              new Datom(e.longValue(), attr, v.binaryValue().utf8ToString(), Math.abs(t), t > 0);
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
