package dev.millrace.engine.runtime;

import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hand-built plans the runtime tests run, shaped as the planner produces them. ORDERS has a
 * BIGINT key ID and JSON values NAME STRING, PRICE INT.
 */
final class TestPlans {
  static final Formats KAFKA_JSON =
      new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
  static final LogicalSchema ORDERS =
      new LogicalSchema(
          List.of(new Column("ID", SqlType.BIGINT)),
          List.of(new Column("NAME", SqlType.STRING), new Column("PRICE", SqlType.INTEGER)));

  private TestPlans() {}

  /** SELECT NAME, PRICE * 2 AS DOUBLED FROM ORDERS WHERE PRICE > 10. */
  static PlanStep.StreamSink filterProject(String input, String output) {
    PlanStep.StreamSource source = source(input);
    PlanStep.StreamFilter filter =
        new PlanStep.StreamFilter(
            source,
            new Expr.Operation(
                Operator.GREATER_THAN,
                List.of(ref(source, "PRICE"), new Expr.Literal(10, SqlType.INTEGER)),
                SqlType.BOOLEAN),
            source.schema());
    LogicalSchema out =
        new LogicalSchema(
            ORDERS.key(),
            List.of(new Column("NAME", SqlType.STRING), new Column("DOUBLED", SqlType.INTEGER)));
    List<Expr> values =
        List.of(
            ref(filter, "NAME"),
            new Expr.Operation(
                Operator.MULTIPLY,
                List.of(ref(filter, "PRICE"), new Expr.Literal(2, SqlType.INTEGER)),
                SqlType.INTEGER));
    return new PlanStep.StreamSink(
        new PlanStep.StreamSelect(filter, values, out), output, KAFKA_JSON, out);
  }

  /** SELECT NAME, COUNT(*) AS ORDERS, SUM(PRICE) AS TOTAL FROM ORDERS GROUP BY NAME (a table). */
  static PlanStep.TableSink countByName(String input, String output) {
    PlanStep.StreamSource source = source(input);
    Expr.ColumnRef name = ref(source, "NAME");
    LogicalSchema grouped =
        new LogicalSchema(List.of(new Column("NAME", SqlType.STRING)), source.schema().value());
    PlanStep.StreamGroupBy groupBy =
        new PlanStep.StreamGroupBy(source, List.of(name), "GroupBy-repartition", grouped);
    List<AggregateCall> calls =
        List.of(
            new AggregateCall("COUNT", List.of(), List.of(), SqlType.BIGINT),
            new AggregateCall("SUM", List.of(ref(groupBy, "PRICE")), List.of(), SqlType.INTEGER));
    List<Column> value = new ArrayList<>(grouped.key());
    value.add(new Column("ORDERS", SqlType.BIGINT));
    value.add(new Column("TOTAL", SqlType.INTEGER));
    LogicalSchema aggregated = new LogicalSchema(grouped.key(), value);
    PlanStep.StreamAggregate aggregate =
        new PlanStep.StreamAggregate(
            groupBy, calls, Optional.empty(), "Aggregate-state", aggregated);
    LogicalSchema out =
        new LogicalSchema(
            grouped.key(),
            List.of(new Column("ORDERS", SqlType.BIGINT), new Column("TOTAL", SqlType.INTEGER)));
    PlanStep.TableSelect select =
        new PlanStep.TableSelect(
            aggregate, List.of(ref(aggregate, "ORDERS"), ref(aggregate, "TOTAL")), out);
    return new PlanStep.TableSink(select, output, KAFKA_JSON, out);
  }

  /**
   * SELECT NAME, COUNT(*) AS ORDERS, SUM(PRICE) AS TOTAL FROM ORDERS GROUP BY NAME HAVING COUNT(*)
   * > 0, where ORDERS is a table: updates and deletes retract, and an emptied group is deleted.
   */
  static PlanStep.TableSink countByNameOfTable(String input, String output) {
    PlanStep.TableSource source =
        new PlanStep.TableSource(
            input,
            KAFKA_JSON,
            ORDERS,
            Optional.empty(),
            Optional.empty(),
            "orders-store",
            SourceColumns.withPseudoColumns(ORDERS, false));
    LogicalSchema grouped =
        new LogicalSchema(List.of(new Column("NAME", SqlType.STRING)), source.schema().value());
    PlanStep.TableGroupBy groupBy =
        new PlanStep.TableGroupBy(
            source, List.of(ref(source, "NAME")), "GroupBy-repartition", grouped);
    List<AggregateCall> calls =
        List.of(
            new AggregateCall("COUNT", List.of(), List.of(), SqlType.BIGINT),
            new AggregateCall("SUM", List.of(ref(groupBy, "PRICE")), List.of(), SqlType.INTEGER));
    List<Column> value = new ArrayList<>(grouped.key());
    value.add(new Column("ORDERS", SqlType.BIGINT));
    value.add(new Column("TOTAL", SqlType.INTEGER));
    PlanStep.TableAggregate aggregate =
        new PlanStep.TableAggregate(
            groupBy, calls, "Aggregate-state", new LogicalSchema(grouped.key(), value));
    PlanStep.TableFilter having =
        new PlanStep.TableFilter(
            aggregate,
            new Expr.Operation(
                Operator.GREATER_THAN,
                List.of(ref(aggregate, "ORDERS"), new Expr.Literal(0L, SqlType.BIGINT)),
                SqlType.BOOLEAN),
            aggregate.schema());
    LogicalSchema out =
        new LogicalSchema(
            grouped.key(),
            List.of(new Column("ORDERS", SqlType.BIGINT), new Column("TOTAL", SqlType.INTEGER)));
    PlanStep.TableSelect select =
        new PlanStep.TableSelect(having, List.of(ref(having, "ORDERS"), ref(having, "TOTAL")), out);
    return new PlanStep.TableSink(select, output, KAFKA_JSON, out);
  }

  /**
   * SELECT ID, COUNT(*) AS ORDERS FROM ORDERS WINDOW TUMBLING (SIZE 3 SECONDS, GRACE PERIOD 0
   * SECONDS) GROUP BY ID EMIT FINAL.
   */
  static PlanStep.TableSink finalCountPerWindow(String input, String output) {
    PlanStep.StreamSource source = source(input);
    WindowInfo window = new WindowInfo(WindowInfo.Type.TUMBLING, 3000, 3000, 0, -1);
    List<Column> value = new ArrayList<>(ORDERS.key());
    value.add(new Column("ORDERS", SqlType.BIGINT));
    value.addAll(SourceColumns.windowBounds());
    PlanStep.StreamAggregate aggregate =
        new PlanStep.StreamAggregate(
            source,
            List.of(new AggregateCall("COUNT", List.of(), List.of(), SqlType.BIGINT)),
            Optional.of(window),
            "Aggregate-state",
            new LogicalSchema(ORDERS.key(), value));
    PlanStep.TableSuppress suppress =
        new PlanStep.TableSuppress(aggregate, "Suppress-state", aggregate.schema());
    Formats formats =
        new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.of(window));
    return new PlanStep.TableSink(suppress, output, formats, suppress.schema());
  }

  static final LogicalSchema USERS =
      new LogicalSchema(
          List.of(new Column("ID", SqlType.BIGINT)), List.of(new Column("NAME", SqlType.STRING)));

  /**
   * SELECT O.ID, O.NAME AS ITEM, U.NAME AS USER FROM ORDERS O JOIN USERS U ON O.ID = U.ID
   * (co-partitioned).
   */
  static PlanStep.StreamSink ordersWithUsers(String orders, String users, String output) {
    PlanStep.StreamSource left = source(orders);
    PlanStep.TableSource right =
        new PlanStep.TableSource(
            users,
            KAFKA_JSON,
            USERS,
            Optional.empty(),
            Optional.empty(),
            "users-store",
            SourceColumns.withPseudoColumns(USERS, false));
    List<Column> joined = new ArrayList<>(left.schema().value());
    right.schema().value().forEach(c -> joined.add(new Column("U_" + c.name(), c.type())));
    PlanStep.StreamTableJoin join =
        new PlanStep.StreamTableJoin(
            left,
            right,
            dev.millrace.engine.plan.JoinType.INNER,
            new LogicalSchema(ORDERS.key(), joined));
    LogicalSchema out =
        new LogicalSchema(
            ORDERS.key(),
            List.of(new Column("ITEM", SqlType.STRING), new Column("USER", SqlType.STRING)));
    PlanStep.StreamSelect select =
        new PlanStep.StreamSelect(join, List.of(ref(join, "NAME"), ref(join, "U_NAME")), out);
    return new PlanStep.StreamSink(select, output, KAFKA_JSON, out);
  }

  /**
   * SELECT O.NAME, U.NAME AS USER FROM ORDERS O JOIN USERS_BY_PRICE U ON O.PRICE = U.PRICE: the
   * orders are re-keyed by PRICE through a repartition topic before the join.
   */
  static PlanStep.StreamSink rekeyedOrdersWithUsers(String orders, String users, String output) {
    PlanStep.StreamSource left = source(orders);
    LogicalSchema rekeyed =
        new LogicalSchema(List.of(new Column("PRICE", SqlType.INTEGER)), left.schema().value());
    PlanStep.StreamSelectKey byPrice =
        new PlanStep.StreamSelectKey(
            left, List.of(ref(left, "PRICE")), "Join-repartition", rekeyed);
    LogicalSchema usersByPrice =
        new LogicalSchema(
            List.of(new Column("PRICE", SqlType.INTEGER)),
            List.of(new Column("NAME", SqlType.STRING)));
    PlanStep.TableSource right =
        new PlanStep.TableSource(
            users,
            KAFKA_JSON,
            usersByPrice,
            Optional.empty(),
            Optional.empty(),
            "users-store",
            SourceColumns.withPseudoColumns(usersByPrice, false));
    List<Column> joined = new ArrayList<>(byPrice.schema().value());
    right.schema().value().forEach(c -> joined.add(new Column("U_" + c.name(), c.type())));
    PlanStep.StreamTableJoin join =
        new PlanStep.StreamTableJoin(
            byPrice,
            right,
            dev.millrace.engine.plan.JoinType.INNER,
            new LogicalSchema(rekeyed.key(), joined));
    LogicalSchema out =
        new LogicalSchema(
            rekeyed.key(),
            List.of(new Column("ITEM", SqlType.STRING), new Column("USER", SqlType.STRING)));
    PlanStep.StreamSelect select =
        new PlanStep.StreamSelect(join, List.of(ref(join, "NAME"), ref(join, "U_NAME")), out);
    return new PlanStep.StreamSink(select, output, KAFKA_JSON, out);
  }

  /**
   * SELECT L.NAME AS LEFT_NAME, R.NAME AS RIGHT_NAME FROM L FULL OUTER JOIN R WITHIN 5 SECONDS
   * GRACE PERIOD 0 SECONDS ON L.ID = R.ID (both keyed by ID, co-partitioned).
   */
  static PlanStep.StreamSink outerJoin(String leftTopic, String rightTopic, String output) {
    PlanStep.StreamSource left = source(leftTopic);
    PlanStep.StreamSource right = source(rightTopic);
    List<Column> joined = new ArrayList<>(left.schema().value());
    joined.addAll(right.schema().value());
    PlanStep.StreamStreamJoin join =
        new PlanStep.StreamStreamJoin(
            left,
            right,
            dev.millrace.engine.plan.JoinType.OUTER,
            new dev.millrace.engine.plan.JoinWindow(5000, 5000, 0),
            "0-Join-store",
            new LogicalSchema(ORDERS.key(), joined));
    LogicalSchema out =
        new LogicalSchema(
            ORDERS.key(),
            List.of(
                new Column("LEFT_NAME", SqlType.STRING), new Column("RIGHT_NAME", SqlType.STRING)));
    int rightName = left.schema().value().size();
    PlanStep.StreamSelect select =
        new PlanStep.StreamSelect(
            join,
            List.of(ref(join, "NAME"), new Expr.ColumnRef(rightName, "NAME", SqlType.STRING)),
            out);
    return new PlanStep.StreamSink(select, output, KAFKA_JSON, out);
  }

  private static PlanStep.StreamSource source(String topic) {
    return new PlanStep.StreamSource(
        topic,
        KAFKA_JSON,
        ORDERS,
        Optional.empty(),
        Optional.empty(),
        SourceColumns.withPseudoColumns(ORDERS, false));
  }

  private static Expr.ColumnRef ref(PlanStep step, String name) {
    int index = step.schema().valueIndexOf(name);
    return new Expr.ColumnRef(index, name, step.schema().value().get(index).type());
  }
}
