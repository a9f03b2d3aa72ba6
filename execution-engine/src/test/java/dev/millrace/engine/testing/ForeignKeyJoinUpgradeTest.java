package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.PlanJson;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A foreign-key join query stored before foreign-key joins had subscriptions, restarted from its
 * stored plan: its tables' rows are in its stores and its inputs' offsets are committed, but it has
 * no subscriptions and no results store. Right changes must still reach the left rows it holds,
 * without those rows changing again.
 */
class ForeignKeyJoinUpgradeTest {
  private static final LogicalSchema USERS =
      Plans.schema(
          List.of(col("ID", SqlType.BIGINT)),
          col("NAME", SqlType.STRING),
          col("CITY_ID", SqlType.BIGINT));
  private static final LogicalSchema CITIES =
      Plans.schema(List.of(col("ID", SqlType.BIGINT)), col("CITY", SqlType.STRING));
  private static final LogicalSchema OUT =
      Plans.schema(USERS.key(), col("NAME", SqlType.STRING), col("CITY", SqlType.STRING));

  private final Harness harness = new Harness();

  @Test
  void rightChangesReachTheLeftRowsOfAQueryStoredBeforeSubscriptions() throws Exception {
    PlanStep plan = plan();
    harness.start("CTAS_OUT_0", plan);
    city(1, "paris", 0);
    city(2, "oslo", 0);
    user(10, "ann", 1, 1);
    user(20, "bob", 2, 2);
    // The state such a query has: its tables' rows, no subscriptions, no results.
    clear("ForeignKeyJoin-0-subscriptions");
    clear("ForeignKeyJoin-0-results");

    harness.replace("CTAS_OUT_0", PlanJson.read(PlanJson.write(plan)));
    city(1, "PARIS", 5);
    city(2, null, 6);

    List<String> out = harness.read("out", OUT);
    assertEquals(
        List.of(
            "[10] -> [ann, paris] @1",
            "[20] -> [bob, oslo] @2",
            "[10] -> [ann, paris] @1",
            "[20] -> [bob, oslo] @2",
            "[10] -> [ann, PARIS] @5",
            "[20] -> [bob, null] @6"),
        out);
    assertEquals(List.of(), harness.errors());
  }

  private void clear(String store) {
    KeyValueStore kept = harness.driver.store("CTAS_OUT_0", store);
    List<byte[]> keys = new ArrayList<>();
    kept.range(null, null, (key, value) -> keys.add(key));
    keys.forEach(kept::delete);
  }

  private void city(long id, String city, long time) {
    harness.pipe("cities", CITIES, id, city == null ? null : new Object[] {city}, time);
  }

  private void user(long id, String name, long cityId, long time) {
    harness.pipe("users", USERS, id, new Object[] {name, cityId}, time);
  }

  /** users LEFT JOIN cities ON users.city_id = cities.id, as the planner makes it. */
  private static PlanStep plan() {
    PlanStep users = Plans.table("users", USERS, "0-Source");
    PlanStep cities = Plans.table("cities", CITIES, "1-Source");
    List<Column> joined = new ArrayList<>(users.schema().value());
    joined.addAll(cities.schema().value());
    PlanStep join =
        new PlanStep.ForeignKeyTableJoin(
            users,
            cities,
            Plans.ref(users, "CITY_ID"),
            JoinType.LEFT,
            new LogicalSchema(USERS.key(), joined));
    PlanStep select =
        new PlanStep.TableSelect(
            join,
            List.of(
                Plans.ref(users, "NAME"),
                new Expr.ColumnRef(users.schema().value().size(), "CITY", SqlType.STRING)),
            OUT);
    return Plans.tableSink(select, "out", Plans.KAFKA_JSON);
  }
}
