package io.vertomic.wire;

import java.io.IOException;
import java.util.Arrays;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

/**
 * A MessagePack packer into an array that its thread reuses, for what is packed to be consumed at
 * once (compressed into a {@link Frame}, copied into a message): a segment, a log entry or a batch
 * then allocates nothing to be packed once the array has grown to what the thread needs, where a
 * buffer packer of its own allocated and zeroed its buffer every time (24 KiB per segment: 5% of a
 * transactor's time under a batch load) and grew large ones in copies. The array is the thread's
 * until {@link #close}; a thread that packs again meanwhile gets one of its own.
 *
 * <pre>{@code
 * try (ScratchPacker s = ScratchPacker.take()) {
 *   s.packer().packArrayHeader(2).packInt(1).packString("a");
 *   return Frame.wrap(Frame.K_ROOT, s);
 * }
 * }</pre>
 */
public final class ScratchPacker implements AutoCloseable {
  private static final int INITIAL_BYTES = 4 * 1024;
  // kept for the next use up to this size: a larger payload's array goes with it
  private static final int MAX_KEPT_BYTES = 1024 * 1024;
  private static final MessagePack.PackerConfig CONFIG =
      new MessagePack.PackerConfig().withBufferSize(512);
  private static final ThreadLocal<ScratchPacker> PER_THREAD =
      ThreadLocal.withInitial(ScratchPacker::new);

  private final Output out = new Output();
  private MessagePacker packer;
  private boolean inUse;

  private ScratchPacker() {}

  /** This thread's scratch packer, empty; one of its own when this thread's is in use. */
  public static ScratchPacker take() {
    ScratchPacker s = PER_THREAD.get();
    if (s.inUse) {
      s = new ScratchPacker();
    }
    s.inUse = true;
    s.out.size = 0;
    // a packer per use: one left by a failed encoding still points into the array
    s.packer = CONFIG.newPacker(s.out);
    return s;
  }

  /** The packer to pack with. */
  public MessagePacker packer() {
    return packer;
  }

  /** Flushes the packer and returns how many bytes it packed: {@link #array} from 0 holds them. */
  public int flush() throws IOException {
    packer.flush();
    return out.size;
  }

  /** The array the packed bytes are in (after {@link #flush}), valid until {@link #close}. */
  public byte[] array() {
    return out.array;
  }

  /** A copy of the packed bytes. */
  public byte[] toByteArray() throws IOException {
    return Arrays.copyOf(out.array, flush());
  }

  /** Gives the array back to the thread. */
  @Override
  public void close() {
    inUse = false;
    packer = null;
    if (out.array.length > MAX_KEPT_BYTES) {
      out.reset(new byte[INITIAL_BYTES]);
    }
  }

  // the packer's output: the rest of the array for each buffer it asks for, grown when short
  private static final class Output implements MessageBufferOutput {
    private byte[] array;
    // the whole array as a buffer, made once per array (MessageBuffer.wrap goes through
    // reflection): the first buffer of a use, and what later ones are sliced from
    private MessageBuffer whole;
    private int size;

    Output() {
      reset(new byte[INITIAL_BYTES]);
    }

    private void reset(byte[] next) {
      array = next;
      whole = MessageBuffer.wrap(next);
    }

    @Override
    public MessageBuffer next(int minimumSize) {
      ensure(minimumSize);
      return size == 0 ? whole : whole.slice(size, array.length - size);
    }

    @Override
    public void writeBuffer(int length) {
      size += length;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
      ensure(length);
      System.arraycopy(buffer, offset, array, size, length);
      size += length;
    }

    @Override
    public void add(byte[] buffer, int offset, int length) {
      write(buffer, offset, length);
    }

    private void ensure(int room) {
      if (array.length - size < room) {
        reset(Arrays.copyOf(array, Math.max(array.length * 2, size + room)));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
