package dev.millrace.parser.format;

import dev.millrace.parser.ast.AliasedSource;
import dev.millrace.parser.ast.AllColumns;
import dev.millrace.parser.ast.AllStructFields;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.HoppingWindow;
import dev.millrace.parser.ast.Join;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.Relation;
import dev.millrace.parser.ast.SelectItem;
import dev.millrace.parser.ast.SessionWindow;
import dev.millrace.parser.ast.SingleColumn;
import dev.millrace.parser.ast.TimeSpan;
import dev.millrace.parser.ast.TumblingWindow;
import dev.millrace.parser.ast.WindowExpression;
import dev.millrace.parser.ast.WithinClause;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Formats a {@link Query} on one line, clauses in ksqlDB's order. */
final class QueryFormatter {

  private QueryFormatter() {}

  static String format(Query query) {
    StringBuilder text = new StringBuilder("SELECT ");
    text.append(
        query.select().stream().map(QueryFormatter::selectItem).collect(Collectors.joining(", ")));
    text.append(" FROM ").append(relation(query.from()));
    query.window().ifPresent(w -> text.append(" WINDOW ").append(window(w)));
    query.where().ifPresent(w -> text.append(" WHERE ").append(SqlFormatter.format(w)));
    if (!query.groupBy().isEmpty()) {
      text.append(" GROUP BY ").append(expressions(query.groupBy()));
    }
    if (!query.partitionBy().isEmpty()) {
      text.append(" PARTITION BY ").append(expressions(query.partitionBy()));
    }
    query.having().ifPresent(h -> text.append(" HAVING ").append(SqlFormatter.format(h)));
    query.emit().ifPresent(e -> text.append(" EMIT ").append(e.name()));
    query.limit().ifPresent(n -> text.append(" LIMIT ").append(n));
    return text.toString();
  }

  private static String selectItem(SelectItem item) {
    if (item instanceof AllColumns all) {
      return all.source().map(s -> SqlFormatter.identifier(s) + ".*").orElse("*");
    }
    if (item instanceof AllStructFields struct) {
      return SqlFormatter.format(struct.struct()) + "->*";
    }
    SingleColumn single = (SingleColumn) item;
    return SqlFormatter.format(single.expression())
        + single.alias().map(a -> " AS " + SqlFormatter.identifier(a)).orElse("");
  }

  private static String relation(Relation relation) {
    if (relation instanceof AliasedSource source) {
      return SqlFormatter.identifier(source.name())
          + source.alias().map(a -> " AS " + SqlFormatter.identifier(a)).orElse("");
    }
    Join join = (Join) relation;
    return relation(join.left())
        + " "
        + joinType(join.type())
        + " JOIN "
        + relation(join.right())
        + join.within().map(w -> " " + within(w)).orElse("")
        + " ON "
        + SqlFormatter.format(join.criteria());
  }

  private static String joinType(Join.Type type) {
    return type == Join.Type.INNER ? "INNER" : type.name() + " OUTER";
  }

  private static String within(WithinClause within) {
    String spans =
        within.isSymmetric()
            ? timeSpan(within.before())
            : "(" + timeSpan(within.before()) + ", " + timeSpan(within.after()) + ")";
    return "WITHIN " + spans + within.grace().map(g -> " GRACE PERIOD " + timeSpan(g)).orElse("");
  }

  private static String window(WindowExpression window) {
    List<String> parts = new ArrayList<>();
    String kind;
    if (window instanceof TumblingWindow tumbling) {
      kind = "TUMBLING";
      parts.add("SIZE " + timeSpan(tumbling.size()));
    } else if (window instanceof HoppingWindow hopping) {
      kind = "HOPPING";
      parts.add("SIZE " + timeSpan(hopping.size()));
      parts.add("ADVANCE BY " + timeSpan(hopping.advanceBy()));
    } else {
      kind = "SESSION";
      parts.add(timeSpan(((SessionWindow) window).gap()));
    }
    window.retention().ifPresent(r -> parts.add("RETENTION " + timeSpan(r)));
    window.grace().ifPresent(g -> parts.add("GRACE PERIOD " + timeSpan(g)));
    return kind + " (" + String.join(", ", parts) + ")";
  }

  static String timeSpan(TimeSpan span) {
    return span.size() + " " + span.unit().name();
  }

  private static String expressions(List<Expression> expressions) {
    return expressions.stream().map(SqlFormatter::format).collect(Collectors.joining(", "));
  }
}
