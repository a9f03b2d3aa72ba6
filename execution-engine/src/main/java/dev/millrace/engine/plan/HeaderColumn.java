package dev.millrace.engine.plan;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source column read from the Kafka record's headers rather than its value: with a {@code key},
 * the value of the last header of that key (BYTES, null when there is none) — ksqlDB's {@code
 * HEADER('key')}; without, every header in order as ARRAY&lt;STRUCT&lt;KEY STRING, VALUE
 * BYTES&gt;&gt; (empty when there are none) — ksqlDB's {@code HEADERS}.
 */
public record HeaderColumn(String name, Optional<String> key) {
  /** The type of a {@code HEADERS} column. */
  public static final SqlType ALL_HEADERS_TYPE =
      new SqlType.Array(
          new SqlType.Struct(
              List.of(
                  new SqlType.Field("KEY", SqlType.STRING),
                  new SqlType.Field("VALUE", SqlType.BYTES))));

  public HeaderColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
  }

  /** The column's SQL type: BYTES for one header, the array type for all. */
  public SqlType type() {
    return key.isPresent() ? SqlType.BYTES : ALL_HEADERS_TYPE;
  }

  /** How the column is declared after its type: {@code HEADERS} or {@code HEADER('key')}. */
  public String constraintSql() {
    return key.map(k -> "HEADER('" + k.replace("'", "''") + "')").orElse("HEADERS");
  }
}
