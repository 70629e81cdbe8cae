package io.vertomic.edn;

import java.util.List;
import java.util.Objects;

/**
 * Reads EDN text into Java values and prints Java values as canonical EDN. Stateless and
 * thread-safe.
 *
 * <h2>Reading</h2>
 *
 * <table>
 *   <caption>EDN to Java</caption>
 *   <tr><th>EDN</th><th>Java</th></tr>
 *   <tr><td>{@code nil}, {@code true}</td><td>{@code null}, {@link Boolean}</td></tr>
 *   <tr><td>{@code 42}, {@code 42N}</td><td>{@link Long} ({@link java.math.BigInteger} when
 *       too big, or with {@code N})</td></tr>
 *   <tr><td>{@code 1.5}, {@code 1.5M}, {@code ##Inf}</td><td>{@link Double}, {@link
 *       java.math.BigDecimal}</td></tr>
 *   <tr><td>{@code "s"}, {@code \c}</td><td>{@link String}, {@link Character}</td></tr>
 *   <tr><td>{@code :a/b}, {@code ?e}</td><td>{@link Keyword}, {@link Symbol}</td></tr>
 *   <tr><td>{@code (a b)}</td><td>{@link EdnList}</td></tr>
 *   <tr><td>{@code [a b]}</td><td>unmodifiable {@link java.util.List}</td></tr>
 *   <tr><td>{@code {k v}}, {@code #{a}}</td><td>unmodifiable insertion-ordered {@link
 *       java.util.Map}, {@link java.util.Set}</td></tr>
 *   <tr><td>{@code #inst "2026-01-01T00:00:00Z"}</td><td>{@link java.util.Date}</td></tr>
 *   <tr><td>{@code #uuid}, {@code #uri}, {@code #bytes "base64"}</td><td>{@link
 *       java.util.UUID}, {@link java.net.URI}, {@code byte[]}</td></tr>
 *   <tr><td>{@code #db/id [:db.part/user -1]}</td><td>{@link DbId}, a tempid record</td></tr>
 *   <tr><td>{@code #db/fn {:lang "java" :params [db] :code "..."}}</td><td>{@link DbFn}, a
 *       database function</td></tr>
 *   <tr><td>{@code #tag value}</td><td>{@link Tagged}</td></tr>
 * </table>
 *
 * <p>Commas are whitespace, {@code ;} starts a line comment, {@code #_} discards the next form and
 * {@code #:ns{:a 1}} is the namespaced map {@code {:ns/a 1}}. Nulls may appear inside collections.
 * Any malformed input fails with an {@link io.vertomic.anomaly.Anomaly} of category {@code
 * INCORRECT}, code {@code :edn.error/malformed}, whose message says what is wrong and ends with
 * {@code at line L, column C}; no other exception escapes for any string.
 *
 * <h2>Printing</h2>
 *
 * <p>{@link #write} is the canonical printer every tool uses for its results: the same value always
 * prints the same text, because set elements and map entries are printed in {@link EdnOrder}.
 * {@code read(write(x))} equals {@code x} for every value the reader produces ({@code byte[]} by
 * content). Java values without an EDN form print via {@link String#valueOf}.
 */
public final class Edn {
  private Edn() {}

  /**
   * The one EDN value in {@code text}; whitespace, comments and discarded forms may surround it.
   *
   * <pre>{@code
   * Edn.read("[:a 1]")            // => [:a 1]  (a List of Keyword and Long)
   * Edn.read("{:db/id \"x\"}")    // => {:db/id "x"}
   * Edn.read("#inst \"2026-01-01\"") // => a Date
   * }</pre>
   *
   * @throws io.vertomic.anomaly.Anomaly INCORRECT {@code :edn.error/malformed} when the text is
   *     empty, malformed, or holds more than one value
   * @throws NullPointerException when {@code text} is null
   */
  public static Object read(String text) {
    return new EdnReader(Objects.requireNonNull(text, "text")).readOne();
  }

  /**
   * Every EDN value in {@code text}, in order; empty when there is none. The list is unmodifiable
   * and may hold nulls.
   *
   * <pre>{@code Edn.readAll("1 :a ; done") // => [1 :a]}</pre>
   *
   * @throws io.vertomic.anomaly.Anomaly INCORRECT {@code :edn.error/malformed} on malformed text
   * @throws NullPointerException when {@code text} is null
   */
  public static List<Object> readAll(String text) {
    return new EdnReader(Objects.requireNonNull(text, "text")).readAll();
  }

  /**
   * The canonical EDN text of {@code value}.
   *
   * <pre>{@code
   * Edn.write(List.of(Keyword.of("a"), 1L))       // => "[:a 1]"
   * Edn.write(Map.of(Keyword.of("b"), 2L, Keyword.of("a"), 1L)) // => "{:a 1, :b 2}"
   * Edn.write(Set.of(3L, 1L, 2L))                 // => "#{1 2 3}"
   * Edn.write(new Date(0))                        // => "#inst \"1970-01-01T00:00:00.000-00:00\""
   * Edn.write(1.5e10)                             // => "1.5E10"
   * }</pre>
   */
  public static String write(Object value) {
    return EdnPrinter.print(value);
  }
}
