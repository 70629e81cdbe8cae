package io.vertomic.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Log entries round-trip every value type, and corrupt bytes are a fault naming the entry. */
class TxEntryCodecTest {
  private static final List<Object> VALUES =
      Arrays.asList(
          42L,
          -1L,
          Long.MIN_VALUE,
          "Ivan ☃",
          "",
          Keyword.of("person/name"),
          Keyword.of("plain"),
          true,
          false,
          1.5d,
          Double.NaN,
          2.5f,
          new BigInteger("123456789012345678901234567890"),
          new BigDecimal("-12.50"),
          Symbol.of("my.ns/fn"),
          new Date(1_700_000_000_123L),
          UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
          URI.create("https://vertomic.io/a?b=c"),
          List.of("north", 5L),
          Arrays.asList(1L, null, Keyword.of("x")),
          Edn.read("#db/fn {:lang \"java\" :params [db x] :code \"return \\\"x\\\";\"}"));

  private static TxEntry entry() {
    List<Datom> datoms = new ArrayList<>();
    long e = 1000;
    for (Object v : VALUES) {
      datoms.add(new Datom(e++, 72, v, 13194139534312L, true));
    }
    datoms.add(new Datom(7, 73, 3L, 13194139534312L, false));
    return new TxEntry(1000, 1021, 105, datoms);
  }

  @Test
  void everyValueTypeRoundTrips() {
    TxEntry back = TxEntryCodec.decode(TxEntryCodec.encode(entry()), "test entry");
    assertEquals(entry().t(), back.t());
    assertEquals(entry().nextT(), back.nextT());
    assertEquals(entry().nextDbCounter(), back.nextDbCounter());
    assertEquals(entry().datoms(), back.datoms());
  }

  @Test
  void bytesValuesRoundTrip() {
    byte[] b = {0, 1, 2, (byte) 255};
    TxEntry e = new TxEntry(1, 2, 3, List.of(new Datom(1, 2, b, 3, true)));
    assertArrayEquals(
        b, (byte[]) TxEntryCodec.decode(TxEntryCodec.encode(e), "x").datoms().get(0).v());
  }

  @Test
  void corruptTruncatedOrForeignBytesAreAFaultNamingTheEntry() {
    byte[] good = TxEntryCodec.encode(entry());
    List<byte[]> bad = new ArrayList<>();
    bad.add(new byte[0]);
    bad.add(Arrays.copyOf(good, 5));
    bad.add(Arrays.copyOf(good, good.length - 3));
    for (int i = 0; i < good.length; i += Math.max(1, good.length / 40)) {
      byte[] flipped = good.clone();
      flipped[i] ^= 0x5a;
      bad.add(flipped);
    }
    byte[] otherVersion = good.clone();
    otherVersion[3] = 9;
    bad.add(otherVersion);
    bad.add(DbRoot.created("x").encode());
    for (byte[] b : bad) {
      Anomaly a =
          assertThrows(Anomaly.class, () -> TxEntryCodec.decode(b, "log entry t=1000 of db"));
      assertEquals(Category.FAULT, a.category());
      assertTrue(a.getMessage().contains("log entry t=1000 of db"), a.getMessage());
    }
    assertTrue(bad.size() > 40, "tried " + bad.size() + " corruptions");
  }
}
