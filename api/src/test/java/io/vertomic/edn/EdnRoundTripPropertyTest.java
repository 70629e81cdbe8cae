package io.vertomic.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EdnRoundTripPropertyTest {

  @Provide
  Arbitrary<Object> values() {
    return EdnArbitraries.values();
  }

  @Property(tries = 3000)
  void readOfWriteGivesBackTheSameValue(@ForAll("values") Object value) {
    String text = Edn.write(value);
    Object back = Edn.read(text);
    assertEquals(EdnArbitraries.normalize(value), EdnArbitraries.normalize(back), text);
    assertEquals(text, Edn.write(back), "lists, vectors and types survive the round trip");
  }

  @Property(tries = 1000)
  void writeDoesNotDependOnSetOrMapIterationOrder(@ForAll("values") Object value) {
    assertEquals(Edn.write(value), Edn.write(EdnArbitraries.reversed(value)));
  }

  @Property(tries = 1000)
  void readAllReadsBackASequenceOfWrittenValues(
      @ForAll("values") Object a, @ForAll("values") Object b) {
    String text = Edn.write(a) + "\n" + Edn.write(b);
    var back = Edn.readAll(text);
    assertEquals(2, back.size(), text);
    assertEquals(EdnArbitraries.normalize(a), EdnArbitraries.normalize(back.get(0)));
    assertEquals(EdnArbitraries.normalize(b), EdnArbitraries.normalize(back.get(1)));
  }

  @Property(tries = 2000)
  void ednOrderIsAntisymmetricAndAgreesWithPrintedEquality(
      @ForAll("values") Object a, @ForAll("values") Object b) {
    int ab = Integer.signum(EdnOrder.INSTANCE.compare(a, b));
    int ba = Integer.signum(EdnOrder.INSTANCE.compare(b, a));
    assertEquals(-ab, ba);
    assertEquals(ab == 0, Edn.write(a).equals(Edn.write(b)));
    assertEquals(0, EdnOrder.INSTANCE.compare(a, Edn.read(Edn.write(a))));
  }
}
