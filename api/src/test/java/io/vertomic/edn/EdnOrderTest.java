package io.vertomic.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdnOrderTest {
  private final EdnOrder order = EdnOrder.INSTANCE;

  @Test
  void comparesNumbersNumericallyAcrossTypes() {
    List<Object> xs =
        new ArrayList<>(
            Arrays.asList(
                Double.NaN,
                3L,
                new BigDecimal("2.5"),
                Double.POSITIVE_INFINITY,
                new BigInteger("-10"),
                0.5,
                Double.NEGATIVE_INFINITY,
                1));
    xs.sort(order);
    assertEquals("[##-Inf -10N 0.5 1 2.5M 3 ##Inf ##NaN]", Edn.write(xs));
  }

  @Test
  void ordersNumericallyEqualValuesByKindSoTheOrderIsTotal() {
    List<Object> xs =
        new ArrayList<>(
            Arrays.asList(1.0, new BigDecimal("1.00"), BigInteger.ONE, new BigDecimal("1.0"), 1L));
    xs.sort(order);
    assertEquals("[1 1N 1.0M 1.00M 1.0]", Edn.write(xs));
  }

  @Test
  void comparesSequencesElementWiseThenShorterFirst() {
    assertTrue(order.compare(List.of(1L, 2L), List.of(1L, 3L)) < 0);
    assertTrue(order.compare(List.of(1L), List.of(1L, 0L)) < 0);
    assertTrue(order.compare(List.of(2L), List.of(1L, 0L)) > 0);
    assertTrue(order.compare(List.of(1L), EdnList.of(1L)) < 0);
  }

  @Test
  void ordersTypesByRank() {
    List<Object> xs =
        new ArrayList<>(
            Arrays.asList(
                Collections.emptyMap(),
                Collections.emptySet(),
                List.of(),
                new byte[0],
                java.net.URI.create("a:b"),
                java.util.UUID.randomUUID(),
                new Date(0),
                Symbol.of("s"),
                Keyword.of("k"),
                'c',
                "s",
                1L,
                false,
                null));
    List<Object> sorted = new ArrayList<>(xs);
    Collections.reverse(xs);
    xs.sort(order);
    sorted.sort(order);
    assertEquals(xs, sorted);
    assertEquals(null, sorted.get(0));
    assertEquals(Collections.emptyMap(), sorted.get(sorted.size() - 1));
  }

  @Test
  void isAntisymmetricOnSetsAndMaps() {
    Object a = Edn.read("#{1 2 3}");
    Object b = Edn.read("#{3 2 4}");
    Object m1 = Edn.read("{:a 1 :b 2}");
    Object m2 = Edn.read("{:b 2 :a 0}");
    assertEquals(-Integer.signum(order.compare(b, a)), Integer.signum(order.compare(a, b)));
    assertTrue(order.compare(a, b) < 0);
    assertTrue(order.compare(m2, m1) < 0);
    assertEquals(0, order.compare(Edn.read("#{3 1 2}"), a));
  }
}
