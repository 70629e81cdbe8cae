package io.vertomic.conformance;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.edn.Tagged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shrunk difference as an EDN file the replay test runs on both engines:
 *
 * <pre>
 * {:name "query-answer-1-1234" :category "query/answer" :seed 1 :case 1234
 *  :schema [...attribute maps...] :txs [[...tx data...] ...]
 *  :read {:kind :query :query [...] :inputs [$ ...]}  ; or :pull :entity :datoms ...
 *  :datomic "what Datomic answered" :vertomic "what Vertomic answered when it was found"
 *  :open true}  ; still differs: the replay test skips it, and fails once it agrees (drop :open)
 * </pre>
 *
 * Schema and txs are what the differential tester transacts ({@code $as-of-N} counts :txs from 1;
 * {@code #e "e3"} in a read is the entity tempid "e3" resolved to); a float is written {@code
 * #float 1.5}, as EDN has no float literal of its own.
 */
public final class CaseFile {
  private static final Symbol FLOAT = Symbol.of("float");

  private CaseFile() {}

  /** Writes {@code d} under {@code dir}; the file's path. */
  public static Path write(Path dir, Difference d) throws IOException {
    Files.createDirectories(dir);
    String name = d.category().replace('/', '-') + "-" + d.seed() + "-" + d.caseIndex();
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(kw("name"), name);
    m.put(kw("category"), d.category());
    m.put(kw("seed"), d.seed());
    m.put(kw("case"), d.caseIndex());
    m.put(kw("schema"), encode(d.history().schemaTx()));
    m.put(kw("txs"), encode(d.history().txs()));
    m.put(kw("read"), encode(d.read().toEdn()));
    m.put(kw("datomic"), d.datomic().show());
    m.put(kw("vertomic"), d.vertomic().show());
    m.put(kw("open"), true);
    StringBuilder text = new StringBuilder("{");
    m.forEach(
        (k, v) ->
            text.append(text.length() == 1 ? "" : "\n ")
                .append(Edn.write(k))
                .append(' ')
                .append(Edn.write(v)));
    Path file = dir.resolve(name + ".edn");
    Files.writeString(file, text.append("}\n"));
    return file;
  }

  /** A case file read back: its history, read, and whether it is still open. */
  public record Replay(String name, String category, History history, Read read, boolean open) {}

  public static Replay read(String text) {
    Map<?, ?> m = (Map<?, ?>) decode(Edn.read(text));
    List<Attr> schema = new ArrayList<>();
    for (Object a : (List<?>) m.get(kw("schema"))) {
      schema.add(Attr.fromEdn((Map<?, ?>) a));
    }
    List<List<Object>> txs = new ArrayList<>();
    for (Object tx : (List<?>) m.get(kw("txs"))) {
      txs.add(new ArrayList<>((List<?>) tx));
    }
    return new Replay(
        (String) m.get(kw("name")),
        (String) m.get(kw("category")),
        new History(schema, txs),
        Read.fromEdn((Map<?, ?>) m.get(kw("read"))),
        Boolean.TRUE.equals(m.get(kw("open"))));
  }

  private static Object encode(Object v) {
    if (v instanceof Float f) {
      return new Tagged(FLOAT, f.doubleValue());
    }
    return walk(v, CaseFile::encode);
  }

  private static Object decode(Object v) {
    if (v instanceof Tagged t && t.tag().equals(FLOAT)) {
      return ((Number) t.value()).floatValue();
    }
    return walk(v, CaseFile::decode);
  }

  private static Object walk(Object v, java.util.function.UnaryOperator<Object> f) {
    if (v instanceof io.vertomic.edn.EdnList l) {
      return io.vertomic.edn.EdnList.copyOf(l.stream().map(f).toList());
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(f.apply(k), f.apply(x)));
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      s.forEach(x -> out.add(f.apply(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(f.apply(x)));
      return out;
    }
    return v;
  }

  private static Keyword kw(String s) {
    return Keyword.of(s);
  }
}
