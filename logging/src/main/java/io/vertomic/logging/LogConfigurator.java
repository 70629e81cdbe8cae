package io.vertomic.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures logback when a server starts, found by logback as a {@link Configurator} service: one
 * appender on standard error (standard output carries the servers' own status lines), one {@link
 * LineLayout} line per event, text or JSON lines when {@code VERTOMIC_LOG_FORMAT=json}, at {@code
 * VERTOMIC_LOG_LEVEL} (default {@code INFO}; Hazelcast and Netty at {@code WARN} unless it is
 * lower). {@code java.util.logging}, which Hazelcast and the JDK use, is bridged into it, so a
 * process has one backend and one format. A {@code logback.xml} on the class path still wins
 * (logback ranks this configurator below its file).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    configure(context, System.getenv());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Configures {@code context} as the environment {@code env} says. */
  static void configure(LoggerContext context, Map<String, String> env) {
    boolean json = "json".equalsIgnoreCase(env.getOrDefault("VERTOMIC_LOG_FORMAT", "text").trim());
    Level level = Level.toLevel(env.getOrDefault("VERTOMIC_LOG_LEVEL", "INFO").trim(), Level.INFO);

    // java.util.logging into SLF4J, JUL's levels kept in step with logback's (set below) so that
    // JUL drops early what the bridge would drop anyway
    LevelChangePropagator propagator = new LevelChangePropagator();
    propagator.setContext(context);
    propagator.setResetJUL(true);
    propagator.start();
    context.addListener(propagator);
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();

    LineLayout layout = new LineLayout(json);
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(console);
    root.setLevel(level);
    Level chatty = level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN;
    for (String name : new String[] {"com.hazelcast", "io.netty", "com.datastax"}) {
      context.getLogger(name).setLevel(level.levelInt < Level.INFO_INT ? level : chatty);
    }
  }
}
