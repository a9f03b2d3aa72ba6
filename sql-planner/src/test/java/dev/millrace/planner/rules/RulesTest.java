package dev.millrace.planner.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.SourceType;
import dev.millrace.planner.logical.MillraceOperators;
import dev.millrace.planner.logical.PartitionBy;
import dev.millrace.planner.logical.PlanningContext;
import dev.millrace.planner.logical.WindowedAggregate;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

/**
 * Each rule on a tiny hand-built plan: the plan before, the plan after, and where it must not fire.
 */
class RulesTest {
  // Row of S: 0 A, 1 B, 2 ROWTIME, 3 ROWPARTITION, 4 ROWOFFSET, 5 K; of T: 0 V, 1-3 pseudo, 4 ID.
  private final PlanningContext context =
      new PlanningContext(catalog(), FunctionRegistry.builtIns());
  private final RelBuilder b = context.relBuilder();

  private static Catalog catalog() {
    Formats formats = new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
    DataSource stream =
        new DataSource(
            "S",
            SourceType.STREAM,
            new LogicalSchema(
                List.of(new Column("K", SqlType.STRING)),
                List.of(new Column("A", SqlType.INTEGER), new Column("B", SqlType.STRING))),
            "s",
            formats,
            Optional.empty(),
            false,
            false,
            "");
    DataSource table =
        new DataSource(
            "T",
            SourceType.TABLE,
            new LogicalSchema(
                List.of(new Column("ID", SqlType.STRING)),
                List.of(new Column("V", SqlType.STRING))),
            "t",
            formats,
            Optional.empty(),
            false,
            false,
            "");
    return Catalog.empty()
        .apply(new CatalogChange.AddSource(stream, false))
        .apply(new CatalogChange.AddSource(table, false));
  }

  private static String plan(RelNode rel) {
    return RelOptUtil.toString(rel).trim();
  }

  private static RelNode apply(RelOptRule rule, RelNode rel) {
    return Optimizer.optimize(rel, List.of(rule));
  }

  private RelNode partitionBy(RelNode input) {
    return new PartitionBy(
        input.getCluster(),
        input.getTraitSet(),
        input,
        List.of(b.getRexBuilder().makeInputRef(input, 1)));
  }

  private RelNode windowedCount(RelNode input) {
    RelDataType bigint = context.types().toRel(SqlType.BIGINT);
    AggregateCall count =
        AggregateCall.create(
            MillraceOperators.aggregate("COUNT", bigint),
            false,
            false,
            false,
            List.of(),
            List.of(),
            -1,
            null,
            RelCollations.EMPTY,
            bigint,
            "N");
    return new WindowedAggregate(
        input.getCluster(),
        input.getTraitSet(),
        input,
        1,
        List.of(count),
        WindowInfo.tumbling(1000),
        false);
  }

  @Test
  void filterMovesBelowPartitionBy() {
    RelNode before =
        b.push(partitionBy(b.scan("S").build())).filter(b.equals(b.field(0), b.literal(1))).build();

    assertEquals(
        """
        PartitionBy(keys=[[$1]])
          LogicalFilter(condition=[=($0, 1)])
            LogicalTableScan(table=[[MILLRACE, S]])""",
        plan(apply(FilterPartitionByTransposeRule.INSTANCE, before)));
  }

  @Test
  void filterBelowPartitionByStaysWhereItIs() {
    RelNode before = partitionBy(b.scan("S").filter(b.equals(b.field(0), b.literal(1))).build());

    assertEquals(plan(before), plan(apply(FilterPartitionByTransposeRule.INSTANCE, before)));
  }

  @Test
  void conditionsOnGroupingFieldsMoveBelowAWindowedAggregate() {
    RelNode grouped = windowedCount(b.scan("S").project(b.field("B")).build());
    RelNode before =
        b.push(grouped)
            .filter(
                b.and(
                    b.equals(b.field(0), b.literal("x")),
                    b.call(SqlStdOperatorTable.GREATER_THAN, b.field(1), b.literal(2))))
            .build();

    assertEquals(
        """
        LogicalFilter(condition=[>($1, 2)])
          WindowedAggregate(groupCount=[1], aggregates=[[COUNT()]], window=[TUMBLING SIZE 1000 ms])
            LogicalFilter(condition=[=($0, 'x')])
              LogicalProject(B=[$1])
                LogicalTableScan(table=[[MILLRACE, S]])""",
        plan(apply(FilterWindowedAggregateTransposeRule.INSTANCE, before)));
  }

  @Test
  void conditionsOnAggregatesOrWindowBoundsStayAbove() {
    RelNode grouped = windowedCount(b.scan("S").project(b.field("B")).build());
    RelNode before =
        b.push(grouped)
            .filter(
                b.or(
                    b.equals(b.field(0), b.literal("x")),
                    b.call(SqlStdOperatorTable.GREATER_THAN, b.field(2), b.literal(2L))))
            .build();

    assertEquals(plan(before), plan(apply(FilterWindowedAggregateTransposeRule.INSTANCE, before)));
  }

  @Test
  void filtersKeepingUnmatchedRowsStayAboveALeftJoin() {
    RelNode before =
        b.scan("S")
            .scan("T")
            .join(JoinRelType.LEFT, b.equals(b.field(2, 0, 5), b.field(2, 1, 4)))
            .filter(b.isNull(b.field(6)))
            .build();

    assertEquals(plan(before), plan(apply(CoreRules.FILTER_INTO_JOIN, before)));
  }

  @Test
  void aTableSideFilterDroppingUnmatchedRowsMakesALeftJoinInner() {
    RelNode before =
        b.scan("S")
            .scan("T")
            .join(JoinRelType.LEFT, b.equals(b.field(2, 0, 5), b.field(2, 1, 4)))
            .filter(b.equals(b.field(6), b.literal("v")))
            .build();

    assertEquals(
        """
        LogicalJoin(condition=[=($5, $10)], joinType=[inner])
          LogicalTableScan(table=[[MILLRACE, S]])
          LogicalFilter(condition=[=($0, 'v')])
            LogicalTableScan(table=[[MILLRACE, T]])""",
        plan(apply(CoreRules.FILTER_INTO_JOIN, before)));
  }

  @Test
  void filtersOnTheStreamSideOfALeftJoinMoveBelowIt() {
    RelNode before =
        b.scan("S")
            .scan("T")
            .join(JoinRelType.LEFT, b.equals(b.field(2, 0, 5), b.field(2, 1, 4)))
            .filter(b.equals(b.field(1), b.literal("b")))
            .build();

    assertEquals(
        """
        LogicalJoin(condition=[=($5, $10)], joinType=[left])
          LogicalFilter(condition=[=($1, 'b')])
            LogicalTableScan(table=[[MILLRACE, S]])
          LogicalTableScan(table=[[MILLRACE, T]])""",
        plan(apply(CoreRules.FILTER_INTO_JOIN, before)));
  }

  @Test
  void adjacentFiltersAndProjectionsMerge() {
    RelNode before =
        b.scan("S")
            .filter(b.equals(b.field(0), b.literal(1)))
            .filter(b.equals(b.field(1), b.literal("b")))
            .project(b.field(0), b.field(1))
            .project(b.field(1))
            .build();

    assertEquals(
        """
        LogicalProject(B=[$1])
          LogicalFilter(condition=[AND(=($0, 1), =($1, 'b'))])
            LogicalTableScan(table=[[MILLRACE, S]])""",
        plan(Optimizer.optimize(before)));
  }
}
