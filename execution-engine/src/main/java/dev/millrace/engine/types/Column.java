package dev.millrace.engine.types;

/**
 * A named, typed column. Names keep the case they were declared with (unquoted names are upper
 * case).
 */
public record Column(String name, SqlType type) {
  public Column {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a column needs a name");
    }
  }

  /** The column as ksqlDB prints it in a schema, e.g. {@code `ID` BIGINT}. */
  public String toSql() {
    return "`" + name + "` " + type.toSql();
  }
}
