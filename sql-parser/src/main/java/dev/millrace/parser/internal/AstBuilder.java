package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlBaseVisitor;
import dev.millrace.grammar.MillraceSqlParser.AlterSourceContext;
import dev.millrace.grammar.MillraceSqlParser.AssertSourceContext;
import dev.millrace.grammar.MillraceSqlParser.AssertTombstoneContext;
import dev.millrace.grammar.MillraceSqlParser.AssertValuesContext;
import dev.millrace.grammar.MillraceSqlParser.ColumnListContext;
import dev.millrace.grammar.MillraceSqlParser.CreateAsSelectContext;
import dev.millrace.grammar.MillraceSqlParser.CreateSourceContext;
import dev.millrace.grammar.MillraceSqlParser.CreateTypeContext;
import dev.millrace.grammar.MillraceSqlParser.DefineVariableContext;
import dev.millrace.grammar.MillraceSqlParser.DescribeAllContext;
import dev.millrace.grammar.MillraceSqlParser.DescribeFunctionContext;
import dev.millrace.grammar.MillraceSqlParser.DescribeSourceContext;
import dev.millrace.grammar.MillraceSqlParser.DropSourceContext;
import dev.millrace.grammar.MillraceSqlParser.DropTypeContext;
import dev.millrace.grammar.MillraceSqlParser.ExplainAnalyzeContext;
import dev.millrace.grammar.MillraceSqlParser.ExplainContext;
import dev.millrace.grammar.MillraceSqlParser.InsertIntoContext;
import dev.millrace.grammar.MillraceSqlParser.InsertValuesContext;
import dev.millrace.grammar.MillraceSqlParser.PauseResumeContext;
import dev.millrace.grammar.MillraceSqlParser.PrintTopicContext;
import dev.millrace.grammar.MillraceSqlParser.QueryStatementContext;
import dev.millrace.grammar.MillraceSqlParser.RunScriptContext;
import dev.millrace.grammar.MillraceSqlParser.SetPropertyContext;
import dev.millrace.grammar.MillraceSqlParser.ShowContext;
import dev.millrace.grammar.MillraceSqlParser.SourceKindContext;
import dev.millrace.grammar.MillraceSqlParser.StatementContext;
import dev.millrace.grammar.MillraceSqlParser.TerminateContext;
import dev.millrace.grammar.MillraceSqlParser.UndefineVariableContext;
import dev.millrace.grammar.MillraceSqlParser.UnsetPropertyContext;
import dev.millrace.grammar.MillraceSqlParser.ValueListContext;
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
import dev.millrace.parser.ast.RunScript;
import dev.millrace.parser.ast.SetProperty;
import dev.millrace.parser.ast.Show;
import dev.millrace.parser.ast.SourceKind;
import dev.millrace.parser.ast.Statement;
import dev.millrace.parser.ast.Terminate;
import dev.millrace.parser.ast.UndefineVariable;
import dev.millrace.parser.ast.UnsetProperty;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns a parse tree into {@link Statement}s. Queries, column lists and WITH clauses are delegated
 * to {@link QueryBuilder} and {@link ElementBuilder}; expressions to {@link ExpressionBuilder}.
 */
public final class AstBuilder extends MillraceSqlBaseVisitor<Statement> {

  private final ExpressionBuilder expressions = new ExpressionBuilder();
  private final QueryBuilder queries = new QueryBuilder(expressions);

  /** Builds the statement for one {@code statement} parse tree. */
  public Statement statement(StatementContext context) {
    return visit(context);
  }

  /** Builds one expression parse tree. */
  public Expression expression(ParserRuleContext context) {
    return expressions.build(context);
  }

  @Override
  public Statement visitQueryStatement(QueryStatementContext context) {
    return queries.query(context.query());
  }

  @Override
  public Statement visitShow(ShowContext context) {
    String target = context.showTarget().getText().toUpperCase(Locale.ROOT);
    Show.Target what =
        context.showTarget().ALL() != null ? Show.Target.ALL_TOPICS : Show.Target.valueOf(target);
    return new Show(what, context.EXTENDED() != null, Locations.of(context));
  }

  @Override
  public Statement visitDescribeAll(DescribeAllContext context) {
    SourceKind kind = context.STREAMS() != null ? SourceKind.STREAM : SourceKind.TABLE;
    return new DescribeAll(kind, context.EXTENDED() != null, Locations.of(context));
  }

  @Override
  public Statement visitDescribeFunction(DescribeFunctionContext context) {
    return new DescribeFunction(Identifiers.name(context.identifier()), Locations.of(context));
  }

  @Override
  public Statement visitDescribeSource(DescribeSourceContext context) {
    return new DescribeSource(
        Identifiers.name(context.identifier()), context.EXTENDED() != null, Locations.of(context));
  }

  @Override
  public Statement visitPrintTopic(PrintTopicContext context) {
    String topic =
        context.STRING() != null
            ? Identifiers.string(context.STRING().getSymbol())
            : Identifiers.verbatim(context.identifier());
    var clause = context.printClause();
    return new PrintTopic(
        topic,
        clause.BEGINNING() != null,
        optionalInt(clause.interval),
        optionalInt(clause.limit),
        Locations.of(context));
  }

  private static OptionalInt optionalInt(Token token) {
    return token == null ? OptionalInt.empty() : OptionalInt.of(Numbers.smallInt(token));
  }

  @Override
  public Statement visitTerminate(TerminateContext context) {
    Optional<String> queryId =
        context.ALL() != null
            ? Optional.empty()
            : Optional.of(Identifiers.name(context.identifier()));
    return new Terminate(queryId, Locations.of(context));
  }

  @Override
  public Statement visitPauseResume(PauseResumeContext context) {
    Optional<String> queryId =
        context.ALL() != null
            ? Optional.empty()
            : Optional.of(Identifiers.name(context.identifier()));
    return new PauseResume(queryId, context.PAUSE() != null, Locations.of(context));
  }

  @Override
  public Statement visitSetProperty(SetPropertyContext context) {
    return new SetProperty(
        Identifiers.string(context.STRING(0).getSymbol()),
        Identifiers.string(context.STRING(1).getSymbol()),
        Locations.of(context));
  }

  @Override
  public Statement visitUnsetProperty(UnsetPropertyContext context) {
    return new UnsetProperty(
        Identifiers.string(context.STRING().getSymbol()), Locations.of(context));
  }

  @Override
  public Statement visitDefineVariable(DefineVariableContext context) {
    return new DefineVariable(
        Identifiers.verbatim(context.identifier()),
        Identifiers.string(context.STRING().getSymbol()),
        Locations.of(context));
  }

  @Override
  public Statement visitUndefineVariable(UndefineVariableContext context) {
    return new UndefineVariable(Identifiers.verbatim(context.identifier()), Locations.of(context));
  }

  @Override
  public Statement visitRunScript(RunScriptContext context) {
    return new RunScript(Identifiers.string(context.STRING().getSymbol()), Locations.of(context));
  }

  @Override
  public Statement visitExplainAnalyze(ExplainAnalyzeContext context) {
    if (context.statement() != null) {
      return new ExplainAnalyze(
          Optional.empty(), Optional.of(visit(context.statement())), Locations.of(context));
    }
    return new ExplainAnalyze(
        Optional.of(Identifiers.name(context.identifier())),
        Optional.empty(),
        Locations.of(context));
  }

  @Override
  public Statement visitExplain(ExplainContext context) {
    if (context.statement() != null) {
      return new ExplainStatement(visit(context.statement()), Locations.of(context));
    }
    return new ExplainQuery(Identifiers.name(context.identifier()), Locations.of(context));
  }

  @Override
  public Statement visitCreateAsSelect(CreateAsSelectContext context) {
    return new CreateAsSelect(
        kind(context.sourceKind()),
        Identifiers.name(context.identifier()),
        queries.query(context.query()),
        ElementBuilder.properties(context.tableProperties()),
        context.REPLACE() != null,
        context.EXISTS() != null,
        Locations.of(context));
  }

  @Override
  public Statement visitCreateSource(CreateSourceContext context) {
    return new CreateSource(
        kind(context.sourceKind()),
        Identifiers.name(context.identifier()),
        ElementBuilder.elements(context.tableElements()),
        ElementBuilder.properties(context.tableProperties()),
        context.REPLACE() != null,
        context.EXISTS() != null,
        context.SOURCE() != null,
        Locations.of(context));
  }

  @Override
  public Statement visitCreateType(CreateTypeContext context) {
    return new CreateType(
        Identifiers.name(context.identifier()),
        TypeBuilder.build(context.type()),
        context.EXISTS() != null,
        Locations.of(context));
  }

  @Override
  public Statement visitAlterSource(AlterSourceContext context) {
    return new AlterSource(
        kind(context.sourceKind()),
        Identifiers.name(context.identifier()),
        context.alterOption().stream().map(ElementBuilder::addedColumn).toList(),
        Locations.of(context));
  }

  @Override
  public Statement visitInsertInto(InsertIntoContext context) {
    return new InsertInto(
        Identifiers.name(context.identifier()),
        queries.query(context.query()),
        ElementBuilder.properties(context.tableProperties()),
        Locations.of(context));
  }

  @Override
  public Statement visitInsertValues(InsertValuesContext context) {
    return new InsertValues(
        Identifiers.name(context.identifier()),
        columns(context.columnList()),
        values(context.valueList()),
        Locations.of(context));
  }

  @Override
  public Statement visitDropSource(DropSourceContext context) {
    return new DropSource(
        kind(context.sourceKind()),
        Identifiers.name(context.identifier()),
        context.EXISTS() != null,
        context.DELETE() != null,
        Locations.of(context));
  }

  @Override
  public Statement visitDropType(DropTypeContext context) {
    return new DropType(
        Identifiers.name(context.identifier()), context.EXISTS() != null, Locations.of(context));
  }

  @Override
  public Statement visitAssertValues(AssertValuesContext context) {
    return new AssertValues(
        Identifiers.name(context.identifier()),
        columns(context.columnList()),
        values(context.valueList()),
        Locations.of(context));
  }

  @Override
  public Statement visitAssertTombstone(AssertTombstoneContext context) {
    return new AssertTombstone(
        Identifiers.name(context.identifier()),
        columns(context.columnList()),
        values(context.valueList()),
        Locations.of(context));
  }

  @Override
  public Statement visitAssertSource(AssertSourceContext context) {
    return new AssertSource(
        kind(context.sourceKind()),
        Identifiers.name(context.identifier()),
        ElementBuilder.elements(context.tableElements()),
        ElementBuilder.properties(context.tableProperties()),
        Locations.of(context));
  }

  private static SourceKind kind(SourceKindContext context) {
    return context.STREAM() != null ? SourceKind.STREAM : SourceKind.TABLE;
  }

  private static List<String> columns(ColumnListContext context) {
    return context == null
        ? List.of()
        : context.identifier().stream().map(Identifiers::name).toList();
  }

  private List<Expression> values(ValueListContext context) {
    return expressions.buildAll(context.expression());
  }
}
