package io.vertomic.cli;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which CSV column becomes which attribute, and how its cells become values. Given {@code --map
 * name=:person/name,age=:person/age}, the named header columns are imported and the others ignored;
 * without it, every header must be an attribute ({@code :person/name}). Every attribute must be in
 * the database's schema, whose value type decides the coercion ({@link ValueCoercion}).
 */
final class ColumnMapping {
  /** One imported column: its 0-based index, header name, attribute and coercion. */
  record Column(int index, String name, Keyword attribute, Function<String, Object> coerce) {}

  private final List<Column> columns;
  private final int width;

  private ColumnMapping(List<Column> columns, int width) {
    this.columns = columns;
    this.width = width;
  }

  /** The query that answers every attribute's ident and value type, for {@link #of}. */
  static final String SCHEMA_QUERY =
      "[:find ?ident ?type :where [?a :db/valueType ?t] [?a :db/ident ?ident] [?t :db/ident ?type]]";

  /**
   * The mapping of {@code header} by {@code mapOption} (null: the headers are attributes) against
   * {@code schema}, the answer of {@link #SCHEMA_QUERY}.
   *
   * @throws Anomaly incorrect when a mapped column is not in the header or an attribute is unknown
   */
  static ColumnMapping of(List<String> header, String mapOption, Object schema) {
    Map<Keyword, Keyword> valueTypes = new HashMap<>();
    for (Object row : (Collection<?>) schema) {
      List<?> r = (List<?>) row;
      valueTypes.put((Keyword) r.get(0), (Keyword) r.get(1));
    }
    Map<String, String> map = new LinkedHashMap<>();
    if (mapOption == null) {
      header.forEach(h -> map.put(h, h));
    } else {
      for (String pair : mapOption.split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new UsageException("--map needs COLUMN=:ns/attr pairs, not " + pair);
        }
        map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    List<Column> columns = new ArrayList<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      int index = header.indexOf(e.getKey());
      if (index < 0) {
        throw Anomaly.incorrect(
            "cli/no-such-column", "No column " + e.getKey() + " in the CSV header " + header);
      }
      String a = e.getValue().strip();
      Keyword attribute = Keyword.of(a.startsWith(":") ? a.substring(1) : a);
      Keyword type = valueTypes.get(attribute);
      if (type == null) {
        throw Anomaly.incorrect(
            "cli/unknown-attribute",
            "Column "
                + (index + 1)
                + " ("
                + e.getKey()
                + ") maps to "
                + attribute
                + ", which is not an attribute of the database");
      }
      columns.add(new Column(index, e.getKey(), attribute, ValueCoercion.forType(type)));
    }
    return new ColumnMapping(columns, header.size());
  }

  /**
   * The entity of one row's {@code fields} at line {@code lineNo}: a map of attribute to value
   * without {@code :db/id} (a new entity, or an upsert by a unique identity attribute); an empty
   * cell leaves its attribute out. Null when every imported cell is empty.
   *
   * @throws MalformedRow naming the line and column of the first cell that is wrong
   */
  Map<Keyword, Object> entity(List<String> fields, long lineNo) {
    if (fields.size() != width) {
      throw new MalformedRow(
          lineNo,
          Math.min(fields.size(), width) + 1,
          "the row has " + fields.size() + " fields, the header " + width);
    }
    Map<Keyword, Object> entity = new LinkedHashMap<>();
    for (Column c : columns) {
      String cell = fields.get(c.index());
      if (cell.isEmpty()) {
        continue;
      }
      try {
        entity.put(c.attribute(), c.coerce().apply(cell));
      } catch (IllegalArgumentException e) {
        throw new MalformedRow(
            lineNo, c.index() + 1, "(" + c.name() + " as " + c.attribute() + ") " + e.getMessage());
      }
    }
    return entity.isEmpty() ? null : entity;
  }
}
