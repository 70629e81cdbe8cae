package io.vertomic.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two members started with the default configuration find each other on 127.0.0.1: a message sent
 * on one's event bus is answered by the other, and the cluster's map (the segment cache tier {@code
 * vertomic.segments}) holds one value for both.
 */
class ClusteredVertxTest {
  private Vertx a;
  private Vertx b;

  @BeforeEach
  void twoMembers() throws Exception {
    ClusterOptions cluster =
        new ClusterOptions("cluster.xml", "vertomic-test-" + UUID.randomUUID());
    a = await(ClusteredVertx.start(new VertxOptions(), cluster));
    b = await(ClusteredVertx.start(new VertxOptions(), cluster));
  }

  @AfterEach
  void stop() throws Exception {
    await(Future.join(a.close(), b.close()));
  }

  @Test
  void aMessageSentOnOneMemberIsAnsweredByTheOther() throws Exception {
    // completion: the registration has reached the cluster
    await(
        b.eventBus()
            .<String>consumer("vertomic.test.echo", m -> m.reply("echo " + m.body()))
            .completion());
    assertEquals("echo hi", await(a.eventBus().request("vertomic.test.echo", "hi")).body());
  }

  @Test
  void theClusterMapIsSharedByTheMembers() throws Exception {
    await(
        a.sharedData()
            .<String, Buffer>getAsyncMap("vertomic.segments")
            .compose(m -> m.put("seg/x", Buffer.buffer("segment"))));
    Buffer got =
        await(
            b.sharedData()
                .<String, Buffer>getAsyncMap("vertomic.segments")
                .compose(m -> m.get("seg/x")));
    assertEquals("segment", got.toString());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
