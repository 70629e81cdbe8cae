package io.vertomic.fulltext;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.store.BaseDirectory;
import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NoLockFactory;

/**
 * A read-only Lucene directory over the files of one stored fulltext segment: the files lie one
 * after another in a blob, which storage holds cut into chunks of {@code chunkSize} bytes. A read
 * asks {@code chunks} for the chunk it falls in, so a search reads the parts of the index it needs
 * and nothing else; {@code chunks} caches them.
 */
final class ChunkedDirectory extends BaseDirectory {
  /** Chunk {@code i} of the blob, every one but the last {@code chunkSize} bytes long. */
  @FunctionalInterface
  interface Chunks {
    byte[] chunk(int i);
  }

  private final Map<String, long[]> files; // name -> {offset in the blob, length}
  private final int chunkSize;
  private final Chunks chunks;

  ChunkedDirectory(Map<String, long[]> files, int chunkSize, Chunks chunks) {
    super(NoLockFactory.INSTANCE);
    this.files = new TreeMap<>(files);
    this.chunkSize = chunkSize;
    this.chunks = chunks;
  }

  @Override
  public String[] listAll() {
    return files.keySet().toArray(new String[0]);
  }

  @Override
  public long fileLength(String name) throws IOException {
    return file(name)[1];
  }

  private long[] file(String name) throws IOException {
    long[] f = files.get(name);
    if (f == null) {
      throw new java.nio.file.NoSuchFileException(name);
    }
    return f;
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    long[] f = file(name);
    return new ChunkedInput("stored fulltext file " + name, f[0], f[1]);
  }

  @Override
  public void deleteFile(String name) {
    throw readOnly();
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) {
    throw readOnly();
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) {
    throw readOnly();
  }

  @Override
  public void sync(Collection<String> names) {}

  @Override
  public void syncMetaData() {}

  @Override
  public void rename(String source, String dest) {
    throw readOnly();
  }

  @Override
  public void close() {
    isOpen = false;
  }

  @Override
  public Set<String> getPendingDeletions() {
    return Set.of();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("a stored fulltext segment is immutable");
  }

  private final class ChunkedInput extends BufferedIndexInput {
    private final long start;
    private final long length;

    ChunkedInput(String description, long start, long length) {
      super(description, BufferedIndexInput.BUFFER_SIZE);
      this.start = start;
      this.length = length;
    }

    @Override
    protected void readInternal(ByteBuffer b) throws IOException {
      long p = getFilePointer();
      if (p + b.remaining() > length) {
        throw new EOFException("read past the end of " + this);
      }
      while (b.hasRemaining()) {
        long at = start + p;
        byte[] chunk = chunks.chunk((int) (at / chunkSize));
        int off = (int) (at % chunkSize);
        int n = Math.min(b.remaining(), chunk.length - off);
        b.put(chunk, off, n);
        p += n;
      }
    }

    @Override
    protected void seekInternal(long pos) throws IOException {
      if (pos > length) {
        throw new EOFException("seek past the end of " + this);
      }
    }

    @Override
    public long length() {
      return length;
    }

    @Override
    public void close() {}
  }
}
