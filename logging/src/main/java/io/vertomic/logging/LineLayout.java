package io.vertomic.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One line per event, whatever it carries: the message, its key-value pairs (a fault's {@code
 * fault} id among them) and its exception with the stack on that line, every part with its secrets
 * masked. As text ({@code TIME LEVEL LOGGER [THREAD] message key=value ... exception}) or as a JSON
 * object per line, for log shippers.
 */
public final class LineLayout extends LayoutBase<ILoggingEvent> {
  private final boolean json;

  /** A layout writing JSON lines when {@code json}, else text lines. */
  public LineLayout(boolean json) {
    this.json = json;
  }

  @Override
  public String doLayout(ILoggingEvent e) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("time", Instant.ofEpochMilli(e.getTimeStamp()).toString());
    fields.put("level", e.getLevel().toString());
    fields.put("logger", e.getLoggerName());
    fields.put("thread", e.getThreadName());
    fields.put("message", Secrets.mask(e.getFormattedMessage()));
    if (e.getKeyValuePairs() != null) {
      for (KeyValuePair kv : e.getKeyValuePairs()) {
        fields.put(kv.key, Secrets.mask(String.valueOf(kv.value)));
      }
    }
    if (e.getThrowableProxy() != null) {
      fields.put("exception", Secrets.mask(throwable(e.getThrowableProxy())));
    }
    return (json ? json(fields) : text(fields)) + System.lineSeparator();
  }

  private static String text(Map<String, String> f) {
    StringBuilder b = new StringBuilder();
    b.append(f.remove("time")).append(' ').append(String.format("%-5s", f.remove("level")));
    b.append(' ').append(f.remove("logger")).append(" [").append(f.remove("thread")).append("] ");
    b.append(oneLine(f.remove("message")));
    String exception = f.remove("exception");
    f.forEach((k, v) -> b.append(' ').append(k).append('=').append(oneLine(v)));
    if (exception != null) {
      b.append(" | ").append(exception);
    }
    return b.toString();
  }

  private static String json(Map<String, String> f) {
    StringBuilder b = new StringBuilder("{");
    f.forEach(
        (k, v) -> {
          if (b.length() > 1) {
            b.append(',');
          }
          quote(b, k).append(':');
          quote(b, v);
        });
    return b.append('}').toString();
  }

  // an exception and its causes, each frame after " <- ", on one line
  private static String throwable(IThrowableProxy t) {
    StringBuilder b = new StringBuilder();
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      if (p != t) {
        b.append(" | caused by ");
      }
      b.append(p.getClassName()).append(": ").append(oneLine(p.getMessage()));
      for (StackTraceElementProxy s : p.getStackTraceElementProxyArray()) {
        b.append(" <- ").append(s.getStackTraceElement());
      }
    }
    return b.toString();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static StringBuilder quote(StringBuilder b, String s) {
    b.append('"');
    for (char c : (s == null ? "" : s).toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"');
  }
}
