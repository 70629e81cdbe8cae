package io.vertomic.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** LongPairMap answers as a hash map of the same pairs does, through its growth. */
class LongPairMapTest {
  @Property(tries = 300)
  void putIfAbsentAndGetAnswerAsAHashMapOfThePairs(@ForAll long seed) {
    Random rnd = new Random(seed);
    int range = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 5_000);
    LongPairMap<Integer> map = new LongPairMap<>(rnd.nextInt(50));
    Map<List<Long>, Integer> model = new HashMap<>();
    long[] odd = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1};
    for (int i = 0; i < 3_000; i++) {
      long e = rnd.nextInt(10) == 0 ? odd[rnd.nextInt(4)] : 17592186045418L + rnd.nextInt(range);
      long a = rnd.nextInt(10) == 0 ? odd[rnd.nextInt(4)] : 72 + rnd.nextInt(6);
      if (rnd.nextBoolean()) {
        assertEquals(model.putIfAbsent(List.of(e, a), i), map.putIfAbsent(e, a, i));
      } else {
        assertEquals(model.get(List.of(e, a)), map.get(e, a));
      }
      assertEquals(model.size(), map.size());
    }
  }

  @Test
  void aNullValueIsRefused() {
    assertThrows(NullPointerException.class, () -> new LongPairMap<>(4).putIfAbsent(1, 2, null));
  }
}
