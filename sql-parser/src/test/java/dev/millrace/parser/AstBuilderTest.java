package dev.millrace.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.millrace.parser.ast.AliasedSource;
import dev.millrace.parser.ast.AllColumns;
import dev.millrace.parser.ast.ArithmeticBinary;
import dev.millrace.parser.ast.ArrayType;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.CreateAsSelect;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.CustomType;
import dev.millrace.parser.ast.DecimalLiteral;
import dev.millrace.parser.ast.DoubleLiteral;
import dev.millrace.parser.ast.EmitMode;
import dev.millrace.parser.ast.ExplainAnalyze;
import dev.millrace.parser.ast.ExplainQuery;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.HoppingWindow;
import dev.millrace.parser.ast.IntegerLiteral;
import dev.millrace.parser.ast.IntervalUnit;
import dev.millrace.parser.ast.Join;
import dev.millrace.parser.ast.Lambda;
import dev.millrace.parser.ast.LambdaVariable;
import dev.millrace.parser.ast.LongLiteral;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.PauseResume;
import dev.millrace.parser.ast.PrimitiveType;
import dev.millrace.parser.ast.PrimitiveType.Kind;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.SingleColumn;
import dev.millrace.parser.ast.SourceKind;
import dev.millrace.parser.ast.Statement;
import dev.millrace.parser.ast.StringLiteral;
import dev.millrace.parser.ast.TableElement;
import dev.millrace.parser.ast.TimeSpan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the parser builds for representative statements and expressions. */
class AstBuilderTest {

  private static final NodeLocation AT = NodeLocation.NONE;

  private final SqlParser parser = new SqlParser();

  private Expression expression(String sql) {
    return parser.parseExpression(sql);
  }

  @Test
  void numbersTakeKsqlDbTypes() {
    assertEquals(new IntegerLiteral(2147483647, AT), expression("2147483647"));
    assertEquals(new LongLiteral(2147483648L, AT), expression("2147483648"));
    assertEquals(new IntegerLiteral(-2147483648, AT), expression("-2147483648"));
    assertEquals(new DecimalLiteral(new BigDecimal("1.50"), AT), expression("1.50"));
    assertEquals(new DoubleLiteral(1000.0, AT), expression("1e3"));
    assertEquals(new StringLiteral("a'b", AT), expression("'a''b'"));
  }

  @Test
  void pauseAndResumeNameOneQueryOrAll() {
    assertEquals(
        new PauseResume(Optional.of("CSAS_OUT_0"), true, AT),
        parser.parseStatement("pause csas_out_0;"));
    assertEquals(
        new PauseResume(Optional.empty(), false, AT), parser.parseStatement("RESUME ALL;"));
    assertEquals(
        new PauseResume(Optional.of("q"), false, AT), parser.parseStatement("RESUME `q`;"));
  }

  @Test
  void explainAnalyzeNamesAQueryByIdOrByTheStatementItRuns() {
    assertEquals(
        new ExplainAnalyze(Optional.of("CSAS_OUT_0"), Optional.empty(), AT),
        parser.parseStatement("explain analyze csas_out_0;"));
    assertEquals(
        new ExplainAnalyze(
            Optional.empty(),
            Optional.of(parser.parseStatement("SELECT * FROM s EMIT CHANGES;")),
            AT),
        parser.parseStatement("EXPLAIN ANALYZE SELECT * FROM s EMIT CHANGES;"));
    assertEquals(new ExplainQuery("ANALYZE", AT), parser.parseStatement("EXPLAIN analyze;"));
    assertEquals(new ColumnRef(Optional.empty(), "ANALYZE", AT), expression("analyze"));
  }

  @Test
  void pauseAndResumeStayUsableAsNames() {
    assertEquals(new ColumnRef(Optional.empty(), "PAUSE", AT), expression("pause"));
    assertEquals(new ColumnRef(Optional.of("RESUME"), "X", AT), expression("resume.x"));
  }

  @Test
  void unquotedNamesAreUpperCasedAndQuotedOnesKept() {
    assertEquals(new ColumnRef(Optional.of("SRC"), "col", AT), expression("src.`col`"));
    assertEquals(new ColumnRef(Optional.of("Src"), "col", AT), expression("\"Src\".\"col\""));
    assertEquals(
        new ColumnRef(Optional.empty(), "say \"hi\"", AT), expression("\"say \"\"hi\"\"\""));
    assertEquals(new ColumnRef(Optional.empty(), "a`b", AT), expression("\"a`b\""));
    assertEquals(new ColumnRef(Optional.empty(), "VALUE", AT), expression("value"));
  }

  @Test
  void doubleQuotedNamesWorkWhereverNamesDo() {
    Statement quoted =
        parser.parseStatement(
            "CREATE STREAM \"Orders\" (\"id\" \"Money\" KEY) " + "WITH (kafka_topic='o');");
    Statement backQuoted =
        parser.parseStatement(
            "CREATE STREAM `Orders` (`id` `Money` KEY) " + "WITH (kafka_topic='o');");
    assertEquals(backQuoted, quoted);
    assertEquals(
        new CustomType("STRING"),
        ((CreateSource)
                parser.parseStatement(
                    "CREATE STREAM s (a \"STRING\") " + "WITH (kafka_topic='o');"))
            .elements()
            .get(0)
            .type());
  }

  @Test
  void locationsAreOneBasedAndIgnoredByEquality() {
    Expression parsed = expression("\n  a + 1");
    ArithmeticBinary sum = assertInstanceOf(ArithmeticBinary.class, parsed);
    assertEquals(2, sum.location().line());
    assertEquals(3, sum.location().column());
    assertEquals(7, sum.right().location().column());
    assertEquals(
        new ArithmeticBinary(
            ArithmeticBinary.Operator.ADD,
            new ColumnRef(Optional.empty(), "A", AT),
            new IntegerLiteral(1, AT),
            AT),
        parsed);
    assertNotEquals(expression("a + 2"), parsed);
  }

  @Test
  void lambdaParametersAreNotColumns() {
    FunctionCall call =
        assertInstanceOf(FunctionCall.class, expression("TRANSFORM(xs, (x, y) => x + y + z)"));
    Lambda lambda = assertInstanceOf(Lambda.class, call.arguments().get(1));
    assertEquals(List.of("X", "Y"), lambda.parameters());
    ArithmeticBinary body = assertInstanceOf(ArithmeticBinary.class, lambda.body());
    ArithmeticBinary inner = assertInstanceOf(ArithmeticBinary.class, body.left());
    assertEquals(new LambdaVariable("X", AT), inner.left());
    assertEquals(new ColumnRef(Optional.empty(), "Z", AT), body.right());
  }

  @Test
  void pluralUnitsAreIntervalArgumentsButSingularOnesStayColumns() {
    FunctionCall add =
        assertInstanceOf(FunctionCall.class, expression("TIMESTAMPADD(MILLISECONDS, 5, ts)"));
    assertEquals(new IntervalUnit(TimeUnit.MILLISECONDS, AT), add.arguments().get(0));
    FunctionCall concat = assertInstanceOf(FunctionCall.class, expression("CONCAT(FIRST, SECOND)"));
    assertEquals(new ColumnRef(Optional.empty(), "SECOND", AT), concat.arguments().get(1));
  }

  @Test
  void countStarHasNoArguments() {
    assertEquals(new FunctionCall("COUNT", List.of(), false, AT), expression("count(*)"));
  }

  @Test
  void createStreamKeepsColumnsAndProperties() {
    CreateSource create =
        assertInstanceOf(
            CreateSource.class,
            parser.parseStatement(
                "CREATE STREAM s (id INT KEY, tags ARRAY<address>, h BYTES HEADER('k')) "
                    + "WITH (kafka_topic='t', partitions=2)"));
    assertEquals(SourceKind.STREAM, create.kind());
    assertEquals(
        List.of(
            new TableElement(
                "ID", new PrimitiveType(Kind.INTEGER), TableElement.Kind.KEY, Optional.empty(), AT),
            TableElement.value("TAGS", new ArrayType(new CustomType("ADDRESS")), AT),
            new TableElement(
                "H",
                new PrimitiveType(Kind.BYTES),
                TableElement.Kind.HEADER,
                Optional.of("k"),
                AT)),
        create.elements());
    assertEquals(Optional.of(new StringLiteral("t", AT)), create.properties().get("KAFKA_TOPIC"));
    assertEquals(Optional.of(new IntegerLiteral(2, AT)), create.properties().get("PARTITIONS"));
  }

  @Test
  void joinsNestToTheLeft() {
    Query query =
        assertInstanceOf(
            Query.class,
            parser.parseStatement(
                "SELECT * FROM a JOIN b WITHIN 10 SECONDS ON a.id = b.id "
                    + "LEFT JOIN c ON a.id = c.id EMIT CHANGES"));
    Join outer = assertInstanceOf(Join.class, query.from());
    assertEquals(Join.Type.LEFT, outer.type());
    assertEquals(new AliasedSource("C", Optional.empty(), AT), outer.right());
    Join inner = assertInstanceOf(Join.class, outer.left());
    assertEquals(Join.Type.INNER, inner.type());
    TimeSpan tenSeconds = new TimeSpan(10, TimeUnit.SECONDS, AT);
    assertEquals(tenSeconds, inner.within().orElseThrow().before());
    assertEquals(tenSeconds, inner.within().orElseThrow().after());
    assertEquals(List.of(new AllColumns(Optional.empty(), AT)), query.select());
    assertEquals(Optional.of(EmitMode.CHANGES), query.emit());
  }

  @Test
  void windowedAggregation() {
    CreateAsSelect ctas =
        assertInstanceOf(
            CreateAsSelect.class,
            parser.parseStatement(
                "CREATE TABLE t WITH (kafka_topic='o') AS SELECT k, COUNT(*) AS n FROM s "
                    + "WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 10 SECONDS, GRACE PERIOD 0 SECONDS) "
                    + "GROUP BY k HAVING COUNT(*) > 1 EMIT FINAL"));
    Query query = ctas.query();
    HoppingWindow window = assertInstanceOf(HoppingWindow.class, query.window().orElseThrow());
    assertEquals(60_000, window.size().toMillis());
    assertEquals(10_000, window.advanceBy().toMillis());
    assertEquals(Optional.of(new TimeSpan(0, TimeUnit.SECONDS, AT)), window.grace());
    assertEquals(Optional.empty(), window.retention());
    assertEquals(List.of(new ColumnRef(Optional.empty(), "K", AT)), query.groupBy());
    assertInstanceOf(Comparison.class, query.having().orElseThrow());
    assertEquals(Optional.of(EmitMode.FINAL), query.emit());
    SingleColumn count = assertInstanceOf(SingleColumn.class, query.select().get(1));
    assertEquals(Optional.of("N"), count.alias());
  }

  @Test
  void scriptsKeepEachStatementsExactText() {
    String script = "-- setup\nSHOW streams ;\n\n  select *\n  from s emit changes;";
    List<ParsedStatement> statements = parser.parse(script);
    assertEquals(
        List.of("SHOW streams", "select *\n  from s emit changes"),
        statements.stream().map(ParsedStatement::text).toList());
    assertEquals(4, statements.get(1).location().line());
    assertEquals(3, statements.get(1).location().column());
  }
}
