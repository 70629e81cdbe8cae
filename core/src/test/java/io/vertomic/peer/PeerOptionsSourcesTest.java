package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Where a process's peer settings come from: defaults, then environment, then -D flags. */
class PeerOptionsSourcesTest {
  @Test
  void withNothingSetEverySettingHasItsDefault() {
    PeerOptions o = PeerOptions.from(Map.of(), new Properties());
    assertEquals(PeerOptions.DEFAULT_INDEX_THRESHOLD_DATOMS, o.getIndexThresholdDatoms());
    assertEquals(PeerOptions.DEFAULT_TX_QUEUE_MAX, o.getTxQueueMax());
    assertEquals(Runtime.getRuntime().maxMemory() / 4, o.objectCacheBudget());
    assertNull(o.getSegmentCache());
  }

  @Test
  void aFlagWinsOverTheEnvironmentWhichWinsOverTheDefault() {
    Properties flags = new Properties();
    flags.setProperty("vertomic.indexThresholdDatoms", "300");
    PeerOptions o =
        PeerOptions.from(
            Map.of(
                "VERTOMIC_INDEX_THRESHOLD_DATOMS", "200",
                "VERTOMIC_TX_QUEUE_MAX", "7",
                "VERTOMIC_SEGMENT_CACHE", "cluster-map"),
            flags);
    assertEquals(300, o.getIndexThresholdDatoms());
    assertEquals(7, o.getTxQueueMax());
    assertEquals("cluster-map", o.getSegmentCache());
  }

  @Test
  void aBadValueIsRefusedNamingTheSetting() {
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () -> PeerOptions.from(Map.of("VERTOMIC_TX_QUEUE_MAX", "lots"), new Properties()));
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains("txQueueMax"), a.getMessage());
  }

  @Test
  void aCopyKeepsEverySettingAndTheRegistry() {
    PeerOptions o =
        new PeerOptions()
            .setObjectCacheBytes(1 << 20)
            .setSegmentCache("cluster-map")
            .setDataDir("/tmp/x")
            .setClusterName("c")
            .setTxTimeoutMillis(5);
    PeerOptions copy = new PeerOptions(o);
    assertEquals(o.toJson(), copy.toJson());
    assertEquals(o.getMeterRegistry(), copy.getMeterRegistry());
  }
}
