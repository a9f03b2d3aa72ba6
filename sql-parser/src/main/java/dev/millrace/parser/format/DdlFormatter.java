package dev.millrace.parser.format;

import dev.millrace.parser.ast.AlterSource;
import dev.millrace.parser.ast.AssertSource;
import dev.millrace.parser.ast.CreateAsSelect;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.CreateType;
import dev.millrace.parser.ast.DropSource;
import dev.millrace.parser.ast.DropType;
import dev.millrace.parser.ast.Property;
import dev.millrace.parser.ast.Statement;
import dev.millrace.parser.ast.TableElement;
import dev.millrace.parser.ast.WithProperties;
import java.util.List;
import java.util.stream.Collectors;

/** Formats the statements that define, change or drop sources and types. */
final class DdlFormatter {

  private DdlFormatter() {}

  static String format(Statement statement) {
    if (statement instanceof CreateSource create) {
      return "CREATE "
          + (create.orReplace() ? "OR REPLACE " : "")
          + (create.readOnly() ? "SOURCE " : "")
          + create.kind().name()
          + (create.ifNotExists() ? " IF NOT EXISTS " : " ")
          + SqlFormatter.identifier(create.name())
          + elements(create.elements())
          + with(create.properties());
    }
    if (statement instanceof CreateAsSelect create) {
      return "CREATE "
          + (create.orReplace() ? "OR REPLACE " : "")
          + create.kind().name()
          + (create.ifNotExists() ? " IF NOT EXISTS " : " ")
          + SqlFormatter.identifier(create.name())
          + with(create.properties())
          + " AS "
          + QueryFormatter.format(create.query());
    }
    if (statement instanceof AlterSource alter) {
      return "ALTER "
          + alter.kind().name()
          + " "
          + SqlFormatter.identifier(alter.name())
          + alter.addedColumns().stream()
              .map(c -> " ADD COLUMN " + element(c))
              .collect(Collectors.joining(","));
    }
    if (statement instanceof CreateType create) {
      return "CREATE TYPE "
          + (create.ifNotExists() ? "IF NOT EXISTS " : "")
          + SqlFormatter.identifier(create.name())
          + " AS "
          + SqlFormatter.format(create.type());
    }
    if (statement instanceof DropSource drop) {
      return "DROP "
          + drop.kind().name()
          + (drop.ifExists() ? " IF EXISTS " : " ")
          + SqlFormatter.identifier(drop.name())
          + (drop.deleteTopic() ? " DELETE TOPIC" : "");
    }
    if (statement instanceof DropType drop) {
      return "DROP TYPE "
          + (drop.ifExists() ? "IF EXISTS " : "")
          + SqlFormatter.identifier(drop.name());
    }
    AssertSource assertSource = (AssertSource) statement;
    return "ASSERT "
        + assertSource.kind().name()
        + " "
        + SqlFormatter.identifier(assertSource.name())
        + elements(assertSource.elements())
        + with(assertSource.properties());
  }

  /** {@code " WITH (A='x', B=1)"}, or nothing for an empty clause. */
  static String with(WithProperties properties) {
    if (properties.isEmpty()) {
      return "";
    }
    return properties.properties().stream()
        .map(DdlFormatter::property)
        .collect(Collectors.joining(", ", " WITH (", ")"));
  }

  private static String property(Property property) {
    String name = SqlFormatter.identifier(property.name());
    String written = name.startsWith("`") ? SqlFormatter.string(property.name()) : name;
    return written + "=" + ExpressionFormatter.literal(property.value());
  }

  private static String elements(List<TableElement> elements) {
    return elements.isEmpty()
        ? ""
        : elements.stream().map(DdlFormatter::element).collect(Collectors.joining(", ", " (", ")"));
  }

  private static String element(TableElement element) {
    String text =
        SqlFormatter.identifier(element.name()) + " " + SqlFormatter.format(element.type());
    return switch (element.kind()) {
      case VALUE -> text;
      case KEY -> text + " KEY";
      case PRIMARY_KEY -> text + " PRIMARY KEY";
      case HEADERS -> text + " HEADERS";
      case HEADER ->
          text + " HEADER(" + SqlFormatter.string(element.headerKey().orElseThrow()) + ")";
    };
  }
}
