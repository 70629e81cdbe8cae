package io.vertomic.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event bus with a cluster certificate: members that hold it talk as before; a member that has
 * joined Hazelcast without it, or with a certificate of its own, can neither send to them nor be
 * sent to by them.
 */
@Tag("slow") // openssl, through scripts/lib/cluster-tls
class ClusterTlsTest {
  private static final String ECHO = "vertomic.test.tls-echo";
  private static final DeliveryOptions SHORT = new DeliveryOptions().setSendTimeout(3_000);

  @TempDir Path dir;
  private final String name = "vertomic-tls-test-" + UUID.randomUUID();
  private final List<Vertx> members = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Vertx v : members) {
      await(v.close());
    }
  }

  @Test
  void membersWithTheClusterCertificateAnswerEachOther() throws Exception {
    String tls = certificate("cluster");
    Vertx a = member(tls);
    Vertx b = member(tls);
    echo(b);
    assertEquals("echo hi", await(a.eventBus().request(ECHO, "hi", SHORT)).body());
  }

  @Test
  void aMemberWithoutACertificateCannotSendToOneThatHasIt() throws Exception {
    Vertx server = member(certificate("cluster"));
    echo(server);
    Vertx rogue = member(null);
    assertThrows(
        ExecutionException.class, () -> await(rogue.eventBus().request(ECHO, "hi", SHORT)));
  }

  @Test
  void aMemberWithACertificateOfItsOwnCannotSendOrBeSentTo() throws Exception {
    Vertx server = member(certificate("cluster"));
    echo(server);
    Vertx rogue = member(certificate("its-own"));
    assertThrows(
        ExecutionException.class, () -> await(rogue.eventBus().request(ECHO, "hi", SHORT)));

    await(rogue.eventBus().<String>consumer(ECHO + ".rogue", m -> m.reply("stolen")).completion());
    assertThrows(
        ExecutionException.class,
        () -> await(server.eventBus().request(ECHO + ".rogue", "secret", SHORT)));
  }

  @Test
  void aDirectoryWithoutTheKeyStopsTheStartNamingTheFile() throws Exception {
    Path empty = dir.resolve("empty");
    java.nio.file.Files.createDirectories(empty);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ClusteredVertx.builder(
                    new VertxOptions(), new ClusterOptions("cluster.xml", name, empty.toString())));
    assertTrue(e.getMessage().contains(ClusterTls.KEY), e.getMessage());
  }

  private String certificate(String which) throws Exception {
    Path d = dir.resolve(which);
    Process p =
        new ProcessBuilder(Path.of("..", "scripts", "lib", "cluster-tls").toString(), d.toString())
            .inheritIO()
            .start();
    assertEquals(0, p.waitFor(), "scripts/lib/cluster-tls");
    return d.toString();
  }

  private Vertx member(String tls) throws Exception {
    Vertx v =
        await(
            ClusteredVertx.start(new VertxOptions(), new ClusterOptions("cluster.xml", name, tls)));
    members.add(v);
    return v;
  }

  private static void echo(Vertx v) throws Exception {
    // completion: the registration has reached the cluster
    await(v.eventBus().<String>consumer(ECHO, m -> m.reply("echo " + m.body())).completion());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
