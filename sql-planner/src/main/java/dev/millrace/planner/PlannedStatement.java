package dev.millrace.planner;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.Column;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.QueryLinks;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What the planner made of one statement; the caller carries it out. */
public sealed interface PlannedStatement {

  /**
   * A DDL statement: apply {@code change} to the catalog; check that {@code createTopic} (the topic
   * of a created source) exists, or create it when the statement gives its partitions; delete
   * {@code deleteTopic} (DROP ... DELETE TOPIC).
   */
  record CatalogUpdate(
      CatalogChange change, Optional<TopicRequest> createTopic, Optional<String> deleteTopic)
      implements PlannedStatement {}

  /**
   * Nothing to do (IF EXISTS / IF NOT EXISTS found nothing to change); {@code message} says why.
   */
  record NoChange(String message) implements PlannedStatement {}

  /**
   * A persistent query (CREATE ... AS SELECT, INSERT INTO ... SELECT): register {@code sinkChange}
   * (absent for INSERT INTO), create {@code createTopic} if missing, then run {@code plan}
   * continuously as query {@code queryId}. {@code links} go into the catalog while it runs.
   */
  record PersistentQuery(
      String queryId,
      DataSource sink,
      Optional<CatalogChange> sinkChange,
      Optional<TopicRequest> createTopic,
      PlanStep plan,
      List<String> sourceTopics,
      QueryLinks links,
      String explain)
      implements PlannedStatement {
    public PersistentQuery {
      sourceTopics = List.copyOf(sourceTopics);
    }

    /**
     * Whether this query comes from a CREATE OR REPLACE ... AS SELECT of an existing sink: when
     * query {@code queryId} runs, it is upgraded in place (see {@link QueryUpgrade}).
     */
    public boolean replacesSink() {
      return sinkChange
          .filter(change -> change instanceof CatalogChange.AddSource add && add.replace())
          .isPresent();
    }
  }

  /**
   * A push query ({@code SELECT ... EMIT CHANGES}): run {@code plan} as transient query {@code
   * queryId}, streaming rows of {@code columns} to the client until it stops or {@code limit} rows
   * have been sent.
   */
  record PushQuery(
      String queryId,
      PlanStep plan,
      List<Column> columns,
      OptionalInt limit,
      List<String> sourceTopics,
      String explain)
      implements PlannedStatement {
    public PushQuery {
      columns = List.copyOf(columns);
      sourceTopics = List.copyOf(sourceTopics);
    }
  }

  /**
   * A pull query: read the current rows of {@code table} from the state of the query that
   * materialises it. Rows are given as a TableSource step emits them (value columns, pseudo
   * columns, key copies — see SourceColumns). With {@code keys} present, only those keys are looked
   * up (each entry one key's column values); else every row is scanned. Rows for which {@code
   * filter} is not true are skipped; the rest are projected to {@code columns} by {@code
   * projection}. At most {@code limit} rows are returned.
   */
  record PullQuery(
      DataSource table,
      Optional<List<List<Object>>> keys,
      Optional<Expr> filter,
      List<Expr> projection,
      List<Column> columns,
      OptionalInt limit,
      String explain)
      implements PlannedStatement {
    public PullQuery {
      projection = List.copyOf(projection);
      columns = List.copyOf(columns);
    }
  }

  /**
   * INSERT INTO ... VALUES: one record for {@code target}. {@code key} and {@code value} hold an
   * expression per key and value column of the target (constants unless the statement calls
   * functions; evaluate them over an empty row); {@code timestamp} is the ROWTIME given, if any.
   */
  record InsertRow(DataSource target, List<Expr> key, List<Expr> value, Optional<Expr> timestamp)
      implements PlannedStatement {
    public InsertRow {
      key = List.copyOf(key);
      value = List.copyOf(value);
    }
  }

  /** EXPLAIN of a statement: the logical and physical plans it would get. */
  record Explained(String text) implements PlannedStatement {}
}
