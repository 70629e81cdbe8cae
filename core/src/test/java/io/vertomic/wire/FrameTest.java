package io.vertomic.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.luben.zstd.Zstd;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The envelope reads back what it wrapped at every size, on many threads at once (each reuses its
 * own compression contexts and buffer), whether the payload comes as bytes or in a packer's
 * buffers; it reads blobs written before the contexts were reused, and a corrupt blob leaves the
 * thread's contexts working.
 */
class FrameTest {
  private static final int[] SIZES = {0, 1, 12, 300, 4_096, 24_000, 1_500_000};

  @Test
  void everySizeReadsBackAsWrapped() {
    Random random = new Random(7);
    for (int size : SIZES) {
      byte[] payload = payload(random, size);
      byte[] blob = Frame.wrap(Frame.K_INDEX_NODE, payload);
      assertEquals(Frame.K_INDEX_NODE, Frame.kind(blob));
      assertArrayEquals(payload, Frame.unwrap(Frame.K_INDEX_NODE, blob, "segment"), "" + size);
    }
  }

  @Test
  void aScratchPackersBytesWrapAsTheSameBytesCopiedOutWould() throws Exception {
    Random random = new Random(13);
    for (int size : SIZES) {
      byte[] payload = payload(random, size);
      try (ScratchPacker s = ScratchPacker.take()) {
        s.packer().packBinaryHeader(payload.length);
        s.packer().writePayload(payload);
        byte[] copied = s.toByteArray();
        assertArrayEquals(
            Frame.wrap(Frame.K_INDEX_NODE, copied),
            Frame.wrap(Frame.K_INDEX_NODE, s),
            size + " bytes");
      }
    }
  }

  @Test
  void aBlobWrittenWithAContextPerCallReadsBackTheSame() {
    Random random = new Random(11);
    for (int size : SIZES) {
      byte[] payload = payload(random, size);
      byte[] earlier = earlierWrap(Frame.K_LOG_ENTRY, payload);
      assertArrayEquals(payload, Frame.unwrap(Frame.K_LOG_ENTRY, earlier, "entry"));
      assertArrayEquals(earlier, Frame.wrap(Frame.K_LOG_ENTRY, payload), "same bytes, " + size);
    }
  }

  @Test
  void threadsWrappingAndUnwrappingAtOnceEachReadBackTheirOwn() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        Random random = new Random(thread);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 400; i++) {
                    byte[] payload = payload(random, random.nextInt(30_000));
                    byte[] blob = Frame.wrap(Frame.K_LOG_ENTRY, payload);
                    assertArrayEquals(payload, Frame.unwrap(Frame.K_LOG_ENTRY, blob, "entry"));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBlobThatDoesNotDecompressFailsAndTheNextOneReadsBack() {
    byte[] payload = payload(new Random(3), 5_000);
    byte[] blob = Frame.wrap(Frame.K_LOG_ENTRY, payload);
    byte[] broken = blob.clone();
    for (int i = 12; i < broken.length; i++) {
      broken[i] = (byte) 0xA5;
    }
    Anomaly a =
        assertThrows(Anomaly.class, () -> Frame.unwrap(Frame.K_LOG_ENTRY, broken, "entry 9"));
    assertEquals(Category.FAULT, a.category());
    assertArrayEquals(payload, Frame.unwrap(Frame.K_LOG_ENTRY, blob, "entry 10"));
  }

  // compressible like a segment: runs of a few symbols with some noise
  private static byte[] payload(Random random, int size) {
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 'a' + random.nextInt(6));
    }
    return out;
  }

  // the envelope as it was written before: Zstd.compress, a context per call
  private static byte[] earlierWrap(byte kind, byte[] payload) {
    byte[] z = Zstd.compress(payload, 3);
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return ByteBuffer.allocate(12 + z.length)
        .put((byte) 'V')
        .put((byte) 'X')
        .put(kind)
        .put((byte) 1)
        .putInt((int) crc.getValue())
        .putInt(payload.length)
        .put(z)
        .array();
  }
}
