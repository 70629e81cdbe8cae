package io.vertomic.transactor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real JVM on this machine running one of the project's mains with the tests' class path: its
 * output lines are collected as they come, so a test awaits the line that says an event happened
 * instead of sleeping. {@link #close()} kills it.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final List<String> everything = java.util.Collections.synchronizedList(new ArrayList<>());
  private final PrintWriter in;

  private ChildJvm(Process process) {
    this.process = process;
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  everything.add(line);
                  lines.add(line);
                }
              } catch (IOException e) {
                // the child is gone
              }
              lines.add("<exited>");
            });
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The collector and compiler of every JVM a test launches. C1 alone: a child lives seconds to
   * minutes, and C2 compiling on 2 shared cores cost more than it won (a test's children took half
   * the CPU without it).
   */
  public static final List<String> SHORT_LIVED =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /**
   * A JVM running {@code main} in cluster {@code cluster} with the system properties {@code props}
   * and this JVM's class path.
   */
  public static ChildJvm start(String cluster, List<String> props, String main, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(SHORT_LIVED);
    cmd.add("-Dvertomic.cluster.name=" + cluster);
    cmd.add("-Dhazelcast.phone.home.enabled=false");
    java.nio.file.Path devDir = Systems.devDir();
    if (devDir != null) { // the dev storage's files are shared by every process of the system
      cmd.add("-Dvertomic.dev.dir=" + devDir);
    }
    cmd.addAll(props);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main);
    cmd.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /**
   * Any command (a project script) with {@code env} added to this JVM's environment; its output is
   * collected as a JVM's is, and {@link #kill()} kills the processes it started too.
   */
  public static ChildJvm command(List<String> cmd, java.util.Map<String, String> env)
      throws IOException {
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
    b.environment().putAll(env);
    return new ChildJvm(b.start());
  }

  /** A line already awaited past, or else the next one, that {@code matches}. */
  public String awaitEver(Predicate<String> matches, long seconds, String what)
      throws InterruptedException, IOException {
    for (String line : seen) {
      if (matches.test(line)) {
        return line;
      }
    }
    return await(matches, seconds, what);
  }

  /** The next line that {@code matches}, waiting at most {@code seconds}; fails otherwise. */
  public String await(Predicate<String> matches, long seconds, String what)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null || line.equals("<exited>")) {
        throw new AssertionError(
            "No "
                + what
                + " from the child ("
                + (line == null ? "timeout" : "exited")
                + "):\n"
                + String.join("\n", tail()));
      }
      seen.add(line);
      if (matches.test(line)) {
        return line;
      }
    }
  }

  /**
   * The index of the first of {@code children} to print a line that {@code matches}, waiting at
   * most {@code seconds}; fails otherwise. The lines read on the way stay {@link #awaitEver seen}.
   */
  public static int awaitFirst(
      List<ChildJvm> children, Predicate<String> matches, long seconds, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < children.size(); i++) {
        ChildJvm c = children.get(i);
        String line = c.lines.poll(20, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (line.equals("<exited>")) {
          throw new AssertionError(
              "No " + what + ": child " + i + " exited:\n" + String.join("\n", c.tail()));
        }
        c.seen.add(line);
        if (matches.test(line)) {
          return i;
        }
      }
    }
    throw new AssertionError("No " + what + " from any of " + children.size() + " children");
  }

  private List<String> tail() {
    return seen.subList(Math.max(0, seen.size() - 40), seen.size());
  }

  /** Every line the child printed so far, awaited or not. */
  public List<String> output() {
    synchronized (everything) {
      return List.copyOf(everything);
    }
  }

  public void send(String line) {
    in.println(line);
  }

  /** The exit code of the child, once it has exited within {@code seconds}; fails otherwise. */
  public int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("The child still runs after " + seconds + " s:\n" + output());
    }
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  /** kill -9, of the process and every process it started. */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
