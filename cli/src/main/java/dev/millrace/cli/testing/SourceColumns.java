package dev.millrace.cli.testing;

import dev.millrace.parser.ParseException;
import dev.millrace.parser.SqlParser;
import dev.millrace.parser.ast.ArrayType;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.CustomType;
import dev.millrace.parser.ast.DataType;
import dev.millrace.parser.ast.DecimalType;
import dev.millrace.parser.ast.MapType;
import dev.millrace.parser.ast.PrimitiveType;
import dev.millrace.parser.ast.StructType;
import dev.millrace.parser.ast.TableElement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of a source, read from the schema text a session reports ({@code `K` STRING KEY, `V`
 * BIGINT}) with the SQL parser, so the assertions know which columns live in the key and their
 * types.
 */
final class SourceColumns {
  private static final SqlParser PARSER = new SqlParser();

  private SourceColumns() {}

  /** A column: its normalised name, type, and whether it is part of the key. */
  record Column(String name, DataType type, boolean key) {
    static Column of(TableElement element) {
      return new Column(element.name(), element.type(), element.isKey());
    }

    @Override
    public String toString() {
      return "`" + name + "` " + text(type) + (key ? " KEY" : "");
    }
  }

  /**
   * @throws TestInputException when the session reports a schema the parser cannot read
   */
  static List<Column> parse(CaseSession.SourceSummary source) {
    String kind = "table".equalsIgnoreCase(source.type()) ? "TABLE" : "STREAM";
    String ddl =
        "CREATE "
            + kind
            + " S ("
            + source.schema()
            + ") WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')";
    try {
      CreateSource create = (CreateSource) PARSER.parseStatement(ddl);
      return create.elements().stream().map(Column::of).toList();
    } catch (ParseException unreadable) {
      throw new TestInputException(
          "cannot read the schema the engine reports: "
              + source.schema()
              + " ("
              + unreadable.reason()
              + ")");
    }
  }

  static Optional<Column> find(List<Column> columns, String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  static String describe(List<Column> columns) {
    return columns.stream().map(Column::toString).collect(Collectors.joining(", "));
  }

  /** A type as SQL text, for messages. */
  static String text(DataType type) {
    if (type instanceof PrimitiveType p) {
      return p.kind().name();
    }
    if (type instanceof DecimalType d) {
      return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
    }
    if (type instanceof ArrayType a) {
      return "ARRAY<" + text(a.element()) + ">";
    }
    if (type instanceof MapType m) {
      return "MAP<" + text(m.key()) + ", " + text(m.value()) + ">";
    }
    if (type instanceof StructType s) {
      return s.fields().stream()
          .map(f -> "`" + f.name() + "` " + text(f.type()))
          .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }
    return ((CustomType) type).name();
  }
}
