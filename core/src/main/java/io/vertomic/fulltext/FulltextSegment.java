package io.vertomic.fulltext;

import io.vertomic.datom.Datom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One immutable Lucene index of some datoms of one attribute, in memory: document {@code i} is
 * {@code datoms[i]} (Lucene keeps the order documents were added in, and a log merge policy keeps
 * it through merges).
 */
final class FulltextSegment {
  final DirectoryReader reader;
  final Datom[] datoms;

  private FulltextSegment(DirectoryReader reader, Datom[] datoms) {
    this.reader = reader;
    this.datoms = datoms;
  }

  /** The segment of {@code datoms}, whose values are strings. */
  static FulltextSegment of(List<Datom> datoms) {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, config())) {
      for (Datom d : datoms) {
        Document doc = new Document();
        doc.add(new TextField(Analysis.FIELD, (String) d.v(), Field.Store.NO));
        w.addDocument(doc);
      }
      w.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return opened(dir, datoms.toArray(new Datom[0]));
  }

  /** One segment holding the documents of {@code parts}, in their order. */
  static FulltextSegment merged(List<FulltextSegment> parts) {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    List<CodecReader> readers = new ArrayList<>();
    List<Datom> datoms = new ArrayList<>();
    try (IndexWriter w = new IndexWriter(dir, config())) {
      for (FulltextSegment p : parts) {
        for (LeafReaderContext leaf : p.reader.leaves()) {
          readers.add(SlowCodecReaderWrapper.wrap(leaf.reader()));
        }
        datoms.addAll(List.of(p.datoms));
      }
      w.addIndexes(readers.toArray(new CodecReader[0]));
      w.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return opened(dir, datoms.toArray(new Datom[0]));
  }

  private static IndexWriterConfig config() {
    return new IndexWriterConfig(Analysis.ANALYZER)
        .setSimilarity(Lucene3Similarity.INSTANCE)
        .setMergePolicy(new LogDocMergePolicy())
        .setRAMBufferSizeMB(64)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
  }

  private static FulltextSegment opened(ByteBuffersDirectory dir, Datom[] datoms) {
    try {
      DirectoryReader r = DirectoryReader.open(dir);
      if (r.maxDoc() != datoms.length) {
        throw new IllegalStateException(
            "fulltext segment holds " + r.maxDoc() + " documents for " + datoms.length + " datoms");
      }
      return new FulltextSegment(r, datoms);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    return datoms.length;
  }
}
