package dev.millrace.planner;

import dev.millrace.parser.ast.AliasedSource;
import dev.millrace.parser.ast.CreateAsSelect;
import dev.millrace.parser.ast.InsertInto;
import dev.millrace.parser.ast.Join;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.Relation;
import dev.millrace.parser.ast.SourceKind;
import dev.millrace.parser.ast.Statement;

/**
 * ksqlDB's query ids: {@code CSAS_<SINK>_<n>}, {@code CTAS_<SINK>_<n>}, {@code INSERTQUERY_<n>} for
 * persistent queries and {@code transient_<SOURCE>_<n>} for push queries, where n is a sequence
 * number the caller keeps (the command log offset, for persistent queries).
 */
public final class QueryIds {
  private QueryIds() {}

  public static String of(Statement statement, long sequence) {
    if (statement instanceof CreateAsSelect cas) {
      return (cas.kind() == SourceKind.STREAM ? "CSAS_" : "CTAS_") + cas.name() + "_" + sequence;
    }
    if (statement instanceof InsertInto) {
      return "INSERTQUERY_" + sequence;
    }
    if (statement instanceof Query query) {
      return "transient_" + firstSource(query.from()) + "_" + sequence;
    }
    return "QUERY_" + sequence;
  }

  /**
   * Whether {@code queryId} is the id {@link #of} gives the CREATE ... AS SELECT of {@code sink}
   * (rather than an INSERT INTO writing to it).
   */
  public static boolean createsSink(String queryId, String sink) {
    for (String prefix : new String[] {"CSAS_", "CTAS_"}) {
      String head = prefix + sink + "_";
      if (queryId.startsWith(head) && queryId.substring(head.length()).matches("[0-9]+")) {
        return true;
      }
    }
    return false;
  }

  private static String firstSource(Relation relation) {
    return relation instanceof AliasedSource source
        ? source.name()
        : firstSource(((Join) relation).left());
  }
}
