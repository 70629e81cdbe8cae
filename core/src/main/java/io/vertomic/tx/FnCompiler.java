package io.vertomic.tx;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.DbFn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.ScriptEvaluator;

/**
 * Compiles database functions of {@code :lang "java"} with Janino, once per distinct function (the
 * same source, parameters and imports): the {@code :code} becomes the body of a static method
 * {@code Object f(Object p1, ...)} whose parameters are named by {@code :params}. Compiling only
 * defines the class; none of the function's code runs until it is called. Thread-safe.
 */
final class FnCompiler {
  private static final Keyword JAVA = Keyword.of("java");

  // each entry holds a class of its own class loader: bounded, so that a database that keeps
  // transacting new functions does not keep every one of them loaded
  private static final Cache<DbFn, Method> COMPILED =
      Caffeine.newBuilder().maximumSize(1_000).build();

  private FnCompiler() {}

  /**
   * The static method {@code fn} compiles to. Fails {@code incorrect} with {@code
   * :db.error/source-lang-not-supported} for a language other than Java and with {@code
   * :db.error/fn-compile-failed} and the compiler's message for code that does not compile; {@code
   * what} names the function in the message.
   */
  static Method compile(DbFn fn, String what) {
    if (!fn.lang().equals(JAVA)) {
      throw Anomaly.incorrect(
          "db.error/source-lang-not-supported",
          what + " is in :lang " + fn.lang() + ": only \"java\" is supported");
    }
    Method m = COMPILED.getIfPresent(fn);
    if (m == null) {
      m = cook(fn, what);
      COMPILED.put(fn, m);
    }
    return m;
  }

  private static Method cook(DbFn fn, String what) {
    ScriptEvaluator se = new ScriptEvaluator();
    // Java 8's language level: calls of static interface methods such as List.of compile
    se.setTargetVersion(8);
    se.setParentClassLoader(loader());
    se.setDefaultImports(fn.imports().stream().map(Symbol::text).toArray(String[]::new));
    se.setReturnType(Object.class);
    String[] names = fn.params().stream().map(Symbol::text).toArray(String[]::new);
    Class<?>[] types = new Class<?>[names.length];
    Arrays.fill(types, Object.class);
    try {
      se.setParameters(names, types);
      se.cook(fn.code());
    } catch (CompileException | RuntimeException e) {
      throw Anomaly.incorrect(
          "db.error/fn-compile-failed", what + " does not compile: " + e.getMessage());
    }
    return se.getMethod();
  }

  // the application's classes (an extension jar, the peer's own) are where its code looks for them
  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : FnCompiler.class.getClassLoader();
  }
}
