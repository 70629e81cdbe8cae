package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer server's config: a classpath of jars it can read, or no start; the keys file. */
class PeerServerOptionsTest {
  @TempDir Path dir;

  @Test
  void aClasspathFileThatIsNoJarIsIncorrectNamingIt() throws Exception {
    Path text = Files.writeString(dir.resolve("bank.jar"), "not a zip");
    JsonObject config =
        new JsonObject().put("storage", "vertomic:dev://h:1/*").put("classpath", text.toString());
    Anomaly a = assertThrows(Anomaly.class, () -> PeerServerOptions.from(config, Map.of()));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(Keyword.of("vertomic.error/invalid-config"), a.code());
    assertTrue(
        a.getMessage().startsWith("Bad peer server config: classpath: " + text + " is not"),
        a.getMessage());
  }

  @Test
  void aSecretOnTheCommandLineIsRefusedWithoutQuotingIt() {
    JsonObject config = new JsonObject().put("storage", "vertomic:mem://*");
    Properties props = new Properties();
    props.setProperty("vertomic.secret", "hunter2");
    Anomaly a = assertThrows(Anomaly.class, () -> PeerServerOptions.from(config, Map.of(), props));
    assertEquals(Keyword.of("vertomic.error/invalid-config"), a.code());
    assertTrue(a.getMessage().contains("VERTOMIC_SECRET"), a.getMessage());
    assertTrue(!a.getMessage().contains("hunter2"), a.getMessage());
    assertEquals(
        "s3",
        PeerServerOptions.from(config, Map.of("VERTOMIC_SECRET", "s3"), new Properties()).secret());
  }

  @Test
  void theKeysFileComesFromTheConfigOrTheEnvironmentAndIsAbsentByDefault() {
    JsonObject config = new JsonObject().put("storage", "vertomic:mem://*");
    PeerServerOptions none = PeerServerOptions.from(config, Map.of());
    assertEquals(null, none.accessKeysFile());
    assertEquals("dev", none.accessKey());
    assertEquals(2_000, none.accessKeysCheckMillis());
    PeerServerOptions fromConfig =
        PeerServerOptions.from(config.copy().put("accessKeysFile", "/etc/keys.json"), Map.of());
    assertEquals("/etc/keys.json", fromConfig.accessKeysFile());
    PeerServerOptions fromEnv =
        PeerServerOptions.from(
            config.copy().put("accessKeysFile", "/etc/keys.json"),
            Map.of(
                "VERTOMIC_ACCESS_KEYS_FILE", "/run/keys.json",
                "VERTOMIC_ACCESS_KEYS_CHECK_MILLIS", "500"));
    assertEquals("/run/keys.json", fromEnv.accessKeysFile());
    assertEquals(500, fromEnv.accessKeysCheckMillis());
  }
}
