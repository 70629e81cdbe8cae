package io.vertomic.client.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import java.util.Arrays;

/**
 * Splits a byte stream of MessagePack values written one after another (the {@code
 * application/vnd.vertomic.msgpack-seq} answer) into the bytes of each whole value, as the bytes
 * arrive in pieces of any size. Not thread-safe: one stream, one thread.
 *
 * <p>The scan is resumable and linear: it never rescans bytes. MessagePack needs no stack to find
 * where a value ends: every header says either how many payload bytes follow or how many nested
 * values follow, so the scanner only counts the values still to skip ({@code pending}) and keeps
 * its position across {@link #append} calls.
 */
public final class MsgpackFrames {
  private static final Keyword BAD_STREAM = Keyword.of("vertomic.error/bad-msgpack");

  private byte[] buf = new byte[256];
  private int start;
  private int end;
  private int scan;
  private long pending;

  /** Adds the next bytes of the stream. */
  public void append(byte[] bytes) {
    if (end + bytes.length > buf.length) {
      int live = end - start;
      byte[] target = live + bytes.length > buf.length / 2 ? grow(live + bytes.length) : buf;
      System.arraycopy(buf, start, target, 0, live);
      scan -= start;
      end = live;
      start = 0;
      buf = target;
    }
    System.arraycopy(bytes, 0, buf, end, bytes.length);
    end += bytes.length;
  }

  private byte[] grow(int needed) {
    return new byte[Math.max(needed, buf.length * 2)];
  }

  /**
   * The bytes of the next whole value, or null until all of it has arrived.
   *
   * @throws Anomaly {@code fault} when the bytes are not MessagePack (the never-used byte 0xc1)
   */
  public byte[] next() {
    if (pending == 0) {
      if (start == end) {
        return null;
      }
      scan = start;
      pending = 1;
    }
    while (pending > 0) {
      if (!skipOne()) {
        return null;
      }
    }
    byte[] frame = Arrays.copyOfRange(buf, start, scan);
    start = scan;
    return frame;
  }

  /** Whether bytes of an unfinished value are held: at the stream's end, a truncated stream. */
  public boolean hasPartial() {
    return start != end;
  }

  /** Skips the header and payload of one value at {@code scan}; false when bytes are missing. */
  private boolean skipOne() {
    int avail = end - scan;
    if (avail < 1) {
      return false;
    }
    int b = buf[scan] & 0xff;
    long header = 1;
    long payload = 0;
    long children = 0;
    if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
      // fixint, nil, false, true: the header is the value
    } else if (b <= 0x8f) {
      children = 2L * (b & 0x0f);
    } else if (b <= 0x9f) {
      children = b & 0x0f;
    } else if (b <= 0xbf) {
      payload = b & 0x1f;
    } else if (b >= 0xca && b <= 0xd3) {
      header += fixedSize(b);
    } else if (b >= 0xd4 && b <= 0xd8) {
      header = 2;
      payload = 1L << (b - 0xd4);
    } else {
      int lengthBytes = lengthBytes(b);
      if (avail < 1 + lengthBytes) {
        return false;
      }
      long n = uint(scan + 1, lengthBytes);
      header += lengthBytes;
      if (b == 0xc7 || b == 0xc8 || b == 0xc9) {
        header += 1; // the extension type byte
      }
      if (b == 0xdc || b == 0xdd) {
        children = n;
      } else if (b == 0xde || b == 0xdf) {
        children = 2 * n;
      } else {
        payload = n;
      }
    }
    if (avail < header + payload) {
      return false;
    }
    scan += (int) (header + payload);
    pending += children - 1;
    return true;
  }

  private static int fixedSize(int b) {
    return switch (b) {
      case 0xca -> 4;
      case 0xcb -> 8;
      default -> 1 << ((b - 0xcc) % 4);
    };
  }

  private static int lengthBytes(int b) {
    return switch (b) {
      case 0xc4, 0xc7, 0xd9 -> 1;
      case 0xc5, 0xc8, 0xda, 0xdc, 0xde -> 2;
      case 0xc6, 0xc9, 0xdb, 0xdd, 0xdf -> 4;
      default ->
          throw new Anomaly(
              Category.FAULT,
              BAD_STREAM,
              "Undecodable MessagePack stream: byte 0x"
                  + Integer.toHexString(b)
                  + " starts no value",
              null);
    };
  }

  private long uint(int at, int bytes) {
    long n = 0;
    for (int i = 0; i < bytes; i++) {
      n = (n << 8) | (buf[at + i] & 0xff);
    }
    return n;
  }
}
