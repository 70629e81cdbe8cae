package io.vertomic.storage.dev;

import java.util.Arrays;
import java.util.Comparator;
import jnr.ffi.Pointer;
import jnr.ffi.provider.MemoryManager;
import org.lmdbjava.BufferProxy;
import org.lmdbjava.ByteArrayProxy;

/**
 * LMDB keys and values as {@code byte[]}, like lmdbjava's {@link ByteArrayProxy}, but keeping the
 * native copy of each array handed to LMDB reachable until the call that reads it is over. lmdbjava
 * 0.9.1's proxy drops its reference to that copy as soon as it is made, so a garbage collection
 * during {@code mdb_put} may free it while LMDB compares the key: the dev storage's writer crashed
 * the JVM so (SIGSEGV in {@code mdb_node_search}) while putting an index job's segments.
 */
final class PinnedByteArrayProxy extends BufferProxy<byte[]> {
  static final PinnedByteArrayProxy INSTANCE = new PinnedByteArrayProxy();

  private static final MemoryManager MEMORY = jnr.ffi.Runtime.getSystemRuntime().getMemoryManager();

  // the last copies made on each thread: a call hands LMDB at most a key and a value, made just
  // before it on the same thread, so the newest eight are all that a call in progress can read
  private static final int PINNED = 8;

  private static final ThreadLocal<Pinned> PINS = ThreadLocal.withInitial(Pinned::new);

  private static final class Pinned {
    private final Pointer[] copies = new Pointer[PINNED];
    private int next;

    void keep(Pointer p) {
      copies[next] = p;
      next = (next + 1) % PINNED;
    }
  }

  private PinnedByteArrayProxy() {}

  @Override
  protected byte[] allocate() {
    return new byte[0];
  }

  @Override
  protected void deallocate(byte[] buffer) {
    // nothing: arrays belong to the garbage collector
  }

  @Override
  protected byte[] getBytes(byte[] buffer) {
    return Arrays.copyOf(buffer, buffer.length);
  }

  @Override
  protected Comparator<byte[]> getSignedComparator() {
    return ByteArrayProxy::compareArraysSigned;
  }

  @Override
  protected Comparator<byte[]> getUnsignedComparator() {
    return ByteArrayProxy::compareArrays;
  }

  @Override
  protected void in(byte[] buffer, Pointer ptr, long ptrAddr) {
    Pointer copy = MEMORY.allocateDirect(buffer.length);
    copy.put(0, buffer, 0, buffer.length);
    PINS.get().keep(copy);
    ptr.putLong(STRUCT_FIELD_OFFSET_SIZE, buffer.length);
    ptr.putAddress(STRUCT_FIELD_OFFSET_DATA, copy.address());
  }

  @Override
  protected void in(byte[] buffer, int size, Pointer ptr, long ptrAddr) {
    // only for reserved values (MDB_RESERVE), which the dev storage does not use
  }

  @Override
  protected byte[] out(byte[] buffer, Pointer ptr, long ptrAddr) {
    long address = ptr.getAddress(STRUCT_FIELD_OFFSET_DATA);
    int size = (int) ptr.getLong(STRUCT_FIELD_OFFSET_SIZE);
    byte[] bytes = new byte[size];
    MEMORY.newPointer(address, size).get(0, bytes, 0, size);
    return bytes;
  }
}
