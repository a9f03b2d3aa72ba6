package dev.millrace.parser.format;

import dev.millrace.parser.ast.AlterSource;
import dev.millrace.parser.ast.AssertSource;
import dev.millrace.parser.ast.AssertTombstone;
import dev.millrace.parser.ast.AssertValues;
import dev.millrace.parser.ast.CreateAsSelect;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.CreateType;
import dev.millrace.parser.ast.DefineVariable;
import dev.millrace.parser.ast.DescribeAll;
import dev.millrace.parser.ast.DescribeFunction;
import dev.millrace.parser.ast.DescribeSource;
import dev.millrace.parser.ast.DropSource;
import dev.millrace.parser.ast.DropType;
import dev.millrace.parser.ast.ExplainAnalyze;
import dev.millrace.parser.ast.ExplainQuery;
import dev.millrace.parser.ast.ExplainStatement;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.InsertInto;
import dev.millrace.parser.ast.InsertValues;
import dev.millrace.parser.ast.PauseResume;
import dev.millrace.parser.ast.PrintTopic;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.RunScript;
import dev.millrace.parser.ast.SetProperty;
import dev.millrace.parser.ast.Show;
import dev.millrace.parser.ast.Statement;
import dev.millrace.parser.ast.Terminate;
import dev.millrace.parser.ast.UndefineVariable;
import dev.millrace.parser.ast.UnsetProperty;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Formats {@link Statement}s on one line; the DDL parts live in {@link DdlFormatter}. */
final class StatementFormatter {

  private StatementFormatter() {}

  static String format(Statement statement) {
    if (statement instanceof Query query) {
      return QueryFormatter.format(query);
    }
    if (statement instanceof CreateSource
        || statement instanceof CreateAsSelect
        || statement instanceof AlterSource
        || statement instanceof CreateType
        || statement instanceof DropSource
        || statement instanceof DropType
        || statement instanceof AssertSource) {
      return DdlFormatter.format(statement);
    }
    if (statement instanceof InsertInto insert) {
      return "INSERT INTO "
          + SqlFormatter.identifier(insert.target())
          + DdlFormatter.with(insert.properties())
          + " "
          + QueryFormatter.format(insert.query());
    }
    if (statement instanceof InsertValues insert) {
      return "INSERT INTO "
          + SqlFormatter.identifier(insert.target())
          + columns(insert.columns())
          + " VALUES "
          + values(insert.values());
    }
    if (statement instanceof AssertValues values) {
      return "ASSERT VALUES "
          + SqlFormatter.identifier(values.target())
          + columns(values.columns())
          + " VALUES "
          + values(values.values());
    }
    if (statement instanceof AssertTombstone tombstone) {
      return "ASSERT NULL VALUES "
          + SqlFormatter.identifier(tombstone.target())
          + columns(tombstone.keyColumns())
          + " KEY "
          + values(tombstone.keyValues());
    }
    return informational(statement);
  }

  private static String informational(Statement statement) {
    if (statement instanceof Show show) {
      String target = show.target() == Show.Target.ALL_TOPICS ? "ALL TOPICS" : show.target().name();
      return "SHOW " + target + (show.extended() ? " EXTENDED" : "");
    }
    if (statement instanceof DescribeSource describe) {
      return "DESCRIBE "
          + (describe.extended() ? "EXTENDED " : "")
          + SqlFormatter.identifier(describe.name());
    }
    if (statement instanceof DescribeAll describe) {
      return "DESCRIBE " + describe.kind().name() + "S" + (describe.extended() ? " EXTENDED" : "");
    }
    if (statement instanceof DescribeFunction describe) {
      return "DESCRIBE FUNCTION " + SqlFormatter.identifier(describe.name());
    }
    if (statement instanceof ExplainQuery explain) {
      return "EXPLAIN " + SqlFormatter.identifier(explain.queryId());
    }
    if (statement instanceof ExplainStatement explain) {
      return "EXPLAIN " + format(explain.statement());
    }
    if (statement instanceof ExplainAnalyze explain) {
      return "EXPLAIN ANALYZE "
          + explain
              .queryId()
              .map(SqlFormatter::identifier)
              .orElseGet(() -> format(explain.statement().orElseThrow()));
    }
    return session(statement);
  }

  private static String session(Statement statement) {
    if (statement instanceof PauseResume pauseResume) {
      return (pauseResume.pause() ? "PAUSE " : "RESUME ")
          + pauseResume.queryId().map(SqlFormatter::identifier).orElse("ALL");
    }
    if (statement instanceof Terminate terminate) {
      return "TERMINATE " + terminate.queryId().map(SqlFormatter::identifier).orElse("ALL");
    }
    if (statement instanceof SetProperty set) {
      return "SET " + SqlFormatter.string(set.name()) + " = " + SqlFormatter.string(set.value());
    }
    if (statement instanceof UnsetProperty unset) {
      return "UNSET " + SqlFormatter.string(unset.name());
    }
    if (statement instanceof DefineVariable define) {
      return "DEFINE " + variable(define.name()) + " = " + SqlFormatter.string(define.value());
    }
    if (statement instanceof UndefineVariable undefine) {
      return "UNDEFINE " + variable(undefine.name());
    }
    if (statement instanceof RunScript run) {
      return "RUN SCRIPT " + SqlFormatter.string(run.path());
    }
    PrintTopic print = (PrintTopic) statement;
    return "PRINT "
        + SqlFormatter.string(print.topic())
        + (print.fromBeginning() ? " FROM BEGINNING" : "")
        + (print.interval().isPresent() ? " INTERVAL " + print.interval().getAsInt() : "")
        + (print.limit().isPresent() ? " LIMIT " + print.limit().getAsInt() : "");
  }

  /** Variable names keep their case, so they are written as they are unless they need quotes. */
  private static String variable(String name) {
    return SqlFormatter.identifier(name.toUpperCase(Locale.ROOT)).startsWith("`")
        ? SqlFormatter.quoted(name)
        : name;
  }

  private static String columns(List<String> columns) {
    return columns.isEmpty()
        ? ""
        : columns.stream()
            .map(SqlFormatter::identifier)
            .collect(Collectors.joining(", ", " (", ")"));
  }

  private static String values(List<Expression> values) {
    return values.stream().map(SqlFormatter::format).collect(Collectors.joining(", ", "(", ")"));
  }
}
