package dev.millrace.engine.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a stream, table or intermediate result: the key columns (stored in the Kafka
 * record key) and the value columns (stored in the record value).
 */
public record LogicalSchema(List<Column> key, List<Column> value) {
  public LogicalSchema {
    key = List.copyOf(key);
    value = List.copyOf(value);
  }

  /** Key columns first, then value columns. */
  public List<Column> columns() {
    List<Column> all = new ArrayList<>(key);
    all.addAll(value);
    return all;
  }

  public Optional<Column> find(String name) {
    return columns().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public int valueIndexOf(String name) {
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The schema as ksqlDB prints it, e.g. {@code `ID` BIGINT KEY, `NAME` STRING}. */
  public String toSql() {
    List<String> parts = new ArrayList<>();
    key.forEach(c -> parts.add(c.toSql() + " KEY"));
    value.forEach(c -> parts.add(c.toSql()));
    return String.join(", ", parts);
  }
}
