package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlParser.AliasedRelationContext;
import dev.millrace.grammar.MillraceSqlParser.AsymmetricWithinContext;
import dev.millrace.grammar.MillraceSqlParser.ExpressionListContext;
import dev.millrace.grammar.MillraceSqlParser.FullJoinContext;
import dev.millrace.grammar.MillraceSqlParser.GraceOptionContext;
import dev.millrace.grammar.MillraceSqlParser.GracePeriodContext;
import dev.millrace.grammar.MillraceSqlParser.HoppingWindowContext;
import dev.millrace.grammar.MillraceSqlParser.JoinRelationContext;
import dev.millrace.grammar.MillraceSqlParser.JoinTypeContext;
import dev.millrace.grammar.MillraceSqlParser.LeftJoinContext;
import dev.millrace.grammar.MillraceSqlParser.QueryContext;
import dev.millrace.grammar.MillraceSqlParser.RelationContext;
import dev.millrace.grammar.MillraceSqlParser.RetentionOptionContext;
import dev.millrace.grammar.MillraceSqlParser.RightJoinContext;
import dev.millrace.grammar.MillraceSqlParser.SelectAllContext;
import dev.millrace.grammar.MillraceSqlParser.SelectItemContext;
import dev.millrace.grammar.MillraceSqlParser.SelectSingleContext;
import dev.millrace.grammar.MillraceSqlParser.SelectSourceAllContext;
import dev.millrace.grammar.MillraceSqlParser.SessionWindowContext;
import dev.millrace.grammar.MillraceSqlParser.SingleRelationContext;
import dev.millrace.grammar.MillraceSqlParser.SymmetricWithinContext;
import dev.millrace.grammar.MillraceSqlParser.TimeSpanContext;
import dev.millrace.grammar.MillraceSqlParser.TumblingWindowContext;
import dev.millrace.grammar.MillraceSqlParser.WindowExpressionContext;
import dev.millrace.grammar.MillraceSqlParser.WindowOptionContext;
import dev.millrace.grammar.MillraceSqlParser.WithinClauseContext;
import dev.millrace.parser.ast.AliasedSource;
import dev.millrace.parser.ast.AllColumns;
import dev.millrace.parser.ast.AllStructFields;
import dev.millrace.parser.ast.EmitMode;
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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds {@link Query} nodes: select items, relations and joins, windows and time spans. */
final class QueryBuilder {

  private final ExpressionBuilder expressions;

  QueryBuilder(ExpressionBuilder expressions) {
    this.expressions = expressions;
  }

  Query query(QueryContext context) {
    return new Query(
        context.selectItem().stream().map(this::selectItem).toList(),
        relation(context.relation()),
        Optional.ofNullable(context.windowExpression()).map(QueryBuilder::window),
        expressions.buildOptional(context.where),
        expressionList(context.groupBy),
        expressionList(context.partitionBy),
        expressions.buildOptional(context.having),
        emit(context),
        context.limit == null
            ? OptionalInt.empty()
            : OptionalInt.of(Numbers.smallInt(context.limit)),
        Locations.of(context));
  }

  private static Optional<EmitMode> emit(QueryContext context) {
    if (context.EMIT() == null) {
      return Optional.empty();
    }
    return Optional.of(context.FINAL() != null ? EmitMode.FINAL : EmitMode.CHANGES);
  }

  private List<Expression> expressionList(ExpressionListContext context) {
    return context == null ? List.of() : expressions.buildAll(context.expression());
  }

  private SelectItem selectItem(SelectItemContext context) {
    if (context instanceof SelectAllContext) {
      return new AllColumns(Optional.empty(), Locations.of(context));
    }
    if (context instanceof SelectSourceAllContext sourceAll) {
      return new AllColumns(
          Optional.of(Identifiers.name(sourceAll.identifier())), Locations.of(context));
    }
    SelectSingleContext single = (SelectSingleContext) context;
    if (single.ARROW() != null) {
      return new AllStructFields(expressions.build(single.expression()), Locations.of(context));
    }
    return new SingleColumn(
        expressions.build(single.expression()),
        Optional.ofNullable(single.identifier()).map(Identifiers::name),
        Locations.of(context));
  }

  private Relation relation(RelationContext context) {
    if (context instanceof SingleRelationContext single) {
      return aliasedSource(single.aliasedRelation());
    }
    JoinRelationContext join = (JoinRelationContext) context;
    return new Join(
        joinType(join.joinType()),
        relation(join.left),
        aliasedSource(join.right),
        Optional.ofNullable(join.withinClause()).map(QueryBuilder::within),
        expressions.build(join.criteria),
        Locations.of(join.joinType()));
  }

  private static AliasedSource aliasedSource(AliasedRelationContext context) {
    return new AliasedSource(
        Identifiers.name(context.identifier(0)),
        Optional.ofNullable(context.alias).map(Identifiers::name),
        Locations.of(context));
  }

  private static Join.Type joinType(JoinTypeContext context) {
    if (context instanceof LeftJoinContext) {
      return Join.Type.LEFT;
    }
    if (context instanceof RightJoinContext) {
      return Join.Type.RIGHT;
    }
    if (context instanceof FullJoinContext) {
      return Join.Type.FULL;
    }
    return Join.Type.INNER;
  }

  private static WithinClause within(WithinClauseContext context) {
    if (context instanceof AsymmetricWithinContext asymmetric) {
      return new WithinClause(
          timeSpan(asymmetric.before),
          timeSpan(asymmetric.after),
          grace(asymmetric.gracePeriod()),
          Locations.of(context));
    }
    SymmetricWithinContext symmetric = (SymmetricWithinContext) context;
    TimeSpan span = timeSpan(symmetric.timeSpan());
    return new WithinClause(span, span, grace(symmetric.gracePeriod()), Locations.of(context));
  }

  private static Optional<TimeSpan> grace(GracePeriodContext context) {
    return Optional.ofNullable(context).map(g -> timeSpan(g.timeSpan()));
  }

  private static WindowExpression window(WindowExpressionContext context) {
    if (context instanceof TumblingWindowContext tumbling) {
      List<WindowOptionContext> options = tumbling.windowOption();
      return new TumblingWindow(
          timeSpan(tumbling.timeSpan()),
          retention(options),
          graceOption(options),
          Locations.of(tumbling.TUMBLING().getSymbol()));
    }
    if (context instanceof HoppingWindowContext hopping) {
      List<WindowOptionContext> options = hopping.windowOption();
      return new HoppingWindow(
          timeSpan(hopping.size),
          timeSpan(hopping.advance),
          retention(options),
          graceOption(options),
          Locations.of(hopping.HOPPING().getSymbol()));
    }
    SessionWindowContext session = (SessionWindowContext) context;
    List<WindowOptionContext> options = session.windowOption();
    return new SessionWindow(
        timeSpan(session.timeSpan()),
        retention(options),
        graceOption(options),
        Locations.of(session.SESSION().getSymbol()));
  }

  private static Optional<TimeSpan> retention(List<WindowOptionContext> options) {
    return option(options, RetentionOptionContext.class, "RETENTION");
  }

  private static Optional<TimeSpan> graceOption(List<WindowOptionContext> options) {
    return option(options, GraceOptionContext.class, "GRACE PERIOD");
  }

  /** The span of the option of this kind, which may be written at most once. */
  private static Optional<TimeSpan> option(
      List<WindowOptionContext> options, Class<? extends WindowOptionContext> kind, String name) {
    Optional<TimeSpan> found = Optional.empty();
    for (WindowOptionContext option : options) {
      if (kind.isInstance(option)) {
        if (found.isPresent()) {
          throw SyntaxErrors.at(option.getStart(), name + " is given twice");
        }
        found = Optional.of(timeSpan(option.getRuleContext(TimeSpanContext.class, 0)));
      }
    }
    return found;
  }

  static TimeSpan timeSpan(TimeSpanContext context) {
    return new TimeSpan(
        Numbers.size(context.INTEGER_VALUE().getSymbol()),
        TimeUnits.of(context.timeUnit().getStart()),
        Locations.of(context));
  }
}
