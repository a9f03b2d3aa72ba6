package dev.millrace.cli.shell;

import java.util.List;

/** Words of Millrace's SQL dialect (ksqlDB's) and of the shell, offered by tab completion. */
final class SqlKeywords {

  static final List<String> ALL = List.of(
      // statements
      "CREATE", "STREAM", "TABLE", "AS", "SELECT", "INSERT", "INTO", "VALUES", "DROP", "IF", "EXISTS", "DELETE",
      "TOPIC", "TERMINATE", "ALL", "SHOW", "LIST", "STREAMS", "TABLES", "QUERIES", "TOPICS", "PROPERTIES",
      "FUNCTIONS", "TYPES", "DESCRIBE", "EXTENDED", "FUNCTION", "EXPLAIN", "PRINT", "FROM", "BEGINNING",
      // queries
      "WHERE", "GROUP", "BY", "HAVING", "PARTITION", "EMIT", "CHANGES", "FINAL", "LIMIT", "WINDOW", "TUMBLING",
      "HOPPING", "SESSION", "SIZE", "ADVANCE", "RETENTION", "GRACE", "PERIOD", "JOIN", "INNER", "LEFT", "RIGHT",
      "FULL", "OUTER", "ON", "WITHIN", "AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "BETWEEN", "CASE", "WHEN",
      "THEN", "ELSE", "END", "CAST", "TRUE", "FALSE", "DISTINCT", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS",
      "DAYS", "ROWTIME", "ROWPARTITION", "ROWOFFSET", "WINDOWSTART", "WINDOWEND",
      // columns, types and WITH properties
      "KEY", "PRIMARY", "WITH", "KAFKA_TOPIC", "VALUE_FORMAT", "KEY_FORMAT", "FORMAT", "PARTITIONS", "REPLICAS",
      "TIMESTAMP", "TIMESTAMP_FORMAT", "WRAP_SINGLE_VALUE", "BOOLEAN", "INT", "INTEGER", "BIGINT", "DOUBLE",
      "DECIMAL", "STRING", "VARCHAR", "BYTES", "DATE", "TIME", "ARRAY", "MAP", "STRUCT",
      // common functions
      "COUNT", "SUM", "MIN", "MAX", "AVG", "UCASE", "LCASE", "LEN", "SUBSTRING", "CONCAT", "TRIM", "ABS",
      "ROUND", "FLOOR", "CEIL", "COALESCE", "IFNULL",
      // shell commands
      "RUN", "SCRIPT", "SET", "UNSET", "SPOOL", "OFF", "HELP", "EXIT", "QUIT");

  private SqlKeywords() {}
}
