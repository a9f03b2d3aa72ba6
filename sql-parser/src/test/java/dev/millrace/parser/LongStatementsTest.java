package dev.millrace.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.Expressions;
import dev.millrace.parser.ast.Logical;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.Statement;
import dev.millrace.parser.format.SqlFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Generated statements with thousands of terms parse, format and parse back; nesting up to the
 * documented limit is accepted (the refusals beyond it are in {@link ParserErrorsTest}).
 */
class LongStatementsTest {

  private final SqlParser parser = new SqlParser();

  private static String chain(int terms, String operator) {
    return IntStream.range(0, terms)
        .mapToObj(i -> "a = " + i)
        .collect(Collectors.joining(" " + operator + " "));
  }

  @Test
  void twoThousandAndedTermsMakeAShallowTreeInTheirOrder() {
    Statement statement =
        parser.parseStatement("SELECT * FROM s WHERE " + chain(2000, "AND") + ";");
    Expression where = ((Query) statement).where().orElseThrow();

    assertTrue(depth(where) <= 13, "depth " + depth(where));
    List<String> terms = new ArrayList<>();
    collectTerms(where, terms);
    assertEquals(IntStream.range(0, 2000).mapToObj(i -> "(A = " + i + ")").toList(), terms);
    assertEquals(statement, parser.parseStatement(SqlFormatter.format(statement)));
  }

  @Test
  void orOfAndsKeepsPrecedence() {
    String sql = chain(1000, "OR") + " AND b OR " + chain(1000, "AND");
    Expression expression = parser.parseExpression(sql);

    assertEquals(Logical.Operator.OR, ((Logical) expression).operator());
    assertEquals(expression, parser.parseExpression(SqlFormatter.format(expression)));
  }

  @Test
  void shortChainsLeanLeft() {
    assertEquals(
        "(((A AND B) AND C) OR D)",
        SqlFormatter.format(parser.parseExpression("a AND b AND c OR d")));
    assertEquals(
        "(((A OR B) OR C) AND D)",
        SqlFormatter.format(parser.parseExpression("(a OR b OR c) AND d")));
    assertEquals(
        "((A AND B) AND (C AND D))",
        SqlFormatter.format(parser.parseExpression("a AND b AND c AND d")));
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    String parentheses = "(".repeat(200) + "1" + ")".repeat(200);
    assertEquals(parser.parseExpression("1"), parser.parseExpression(parentheses));
    String sum = "1" + " + 1".repeat(200);
    assertEquals(201, countLeaves(parser.parseExpression(sum)));
    // Levels close again: two hundred groups of nested parentheses side by side are fine.
    String groups =
        IntStream.range(0, 200)
            .mapToObj(i -> "(".repeat(150) + i + ")".repeat(150))
            .collect(Collectors.joining(", ", "ARRAY[", "]"));
    parser.parseExpression(groups);
    // Joins count per statement: each of these two statements stays under the limit.
    String joins = "SELECT * FROM s" + " JOIN t WITHIN 1 SECOND ON s.a = t.a".repeat(150) + ";";
    assertEquals(2, parser.parse(joins + "\n" + joins).size());
  }

  private static int depth(Expression expression) {
    return 1
        + Expressions.children(expression).stream()
            .mapToInt(LongStatementsTest::depth)
            .max()
            .orElse(0);
  }

  private static int countLeaves(Expression expression) {
    List<Expression> children = Expressions.children(expression);
    return children.isEmpty()
        ? 1
        : children.stream().mapToInt(LongStatementsTest::countLeaves).sum();
  }

  private static void collectTerms(Expression expression, List<String> terms) {
    if (expression instanceof Logical logical) {
      collectTerms(logical.left(), terms);
      collectTerms(logical.right(), terms);
    } else {
      terms.add(SqlFormatter.format(expression));
    }
  }
}
