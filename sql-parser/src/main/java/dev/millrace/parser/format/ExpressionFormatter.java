package dev.millrace.parser.format;

import dev.millrace.parser.ast.ArithmeticBinary;
import dev.millrace.parser.ast.ArithmeticUnary;
import dev.millrace.parser.ast.ArrayConstructor;
import dev.millrace.parser.ast.Between;
import dev.millrace.parser.ast.BooleanLiteral;
import dev.millrace.parser.ast.Cast;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.Concat;
import dev.millrace.parser.ast.DecimalLiteral;
import dev.millrace.parser.ast.Dereference;
import dev.millrace.parser.ast.DoubleLiteral;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.InList;
import dev.millrace.parser.ast.IntegerLiteral;
import dev.millrace.parser.ast.IntervalUnit;
import dev.millrace.parser.ast.IsNull;
import dev.millrace.parser.ast.Lambda;
import dev.millrace.parser.ast.LambdaVariable;
import dev.millrace.parser.ast.Like;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.ast.Logical;
import dev.millrace.parser.ast.LongLiteral;
import dev.millrace.parser.ast.MapConstructor;
import dev.millrace.parser.ast.Not;
import dev.millrace.parser.ast.NullLiteral;
import dev.millrace.parser.ast.SearchedCase;
import dev.millrace.parser.ast.SimpleCase;
import dev.millrace.parser.ast.StringLiteral;
import dev.millrace.parser.ast.StructConstructor;
import dev.millrace.parser.ast.Subscript;
import dev.millrace.parser.ast.WhenClause;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Formats {@link Expression}s. Every operator application is parenthesised, as ksqlDB prints them,
 * so precedence never has to be reconstructed.
 */
final class ExpressionFormatter {

  private ExpressionFormatter() {}

  static String format(Expression expression) {
    if (expression instanceof Literal literal) {
      return literal(literal);
    }
    if (expression instanceof ColumnRef column) {
      return column.source().map(s -> SqlFormatter.identifier(s) + ".").orElse("")
          + SqlFormatter.identifier(column.name());
    }
    if (expression instanceof LambdaVariable variable) {
      return SqlFormatter.identifier(variable.name());
    }
    if (expression instanceof Dereference dereference) {
      return format(dereference.base()) + "->" + SqlFormatter.identifier(dereference.field());
    }
    if (expression instanceof Subscript subscript) {
      return format(subscript.base()) + "[" + format(subscript.index()) + "]";
    }
    if (expression instanceof ArithmeticBinary binary) {
      return binary(binary.left(), binary.operator().symbol(), binary.right());
    }
    if (expression instanceof ArithmeticUnary unary) {
      return unary(unary);
    }
    if (expression instanceof Concat concat) {
      return binary(concat.left(), "||", concat.right());
    }
    if (expression instanceof Comparison comparison) {
      return binary(comparison.left(), comparison.operator().symbol(), comparison.right());
    }
    if (expression instanceof Logical logical) {
      return binary(logical.left(), logical.operator().name(), logical.right());
    }
    if (expression instanceof Not not) {
      return "(NOT " + format(not.operand()) + ")";
    }
    return predicateOrConstructor(expression);
  }

  private static String predicateOrConstructor(Expression expression) {
    if (expression instanceof IsNull isNull) {
      return "(" + format(isNull.value()) + (isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
    }
    if (expression instanceof Like like) {
      return "("
          + format(like.value())
          + (like.negated() ? " NOT LIKE " : " LIKE ")
          + format(like.pattern())
          + like.escape().map(e -> " ESCAPE " + SqlFormatter.string(e)).orElse("")
          + ")";
    }
    if (expression instanceof InList in) {
      return "("
          + format(in.value())
          + (in.negated() ? " NOT IN " : " IN ")
          + list(in.values(), "(", ")")
          + ")";
    }
    if (expression instanceof Between between) {
      return "("
          + format(between.value())
          + (between.negated() ? " NOT BETWEEN " : " BETWEEN ")
          + format(between.min())
          + " AND "
          + format(between.max())
          + ")";
    }
    if (expression instanceof SearchedCase searched) {
      return "(CASE" + whens(searched.whenClauses(), searched.defaultValue()) + ")";
    }
    if (expression instanceof SimpleCase simple) {
      return "(CASE "
          + format(simple.operand())
          + whens(simple.whenClauses(), simple.defaultValue())
          + ")";
    }
    if (expression instanceof Cast cast) {
      return "CAST(" + format(cast.value()) + " AS " + TypeFormatter.format(cast.type()) + ")";
    }
    return callOrConstructor(expression);
  }

  private static String callOrConstructor(Expression expression) {
    if (expression instanceof FunctionCall call) {
      return functionCall(call);
    }
    if (expression instanceof Lambda lambda) {
      String parameters =
          lambda.parameters().stream()
              .map(SqlFormatter::identifier)
              .collect(Collectors.joining(", "));
      String head = lambda.parameters().size() == 1 ? parameters : "(" + parameters + ")";
      return head + " => " + format(lambda.body());
    }
    if (expression instanceof ArrayConstructor array) {
      return "ARRAY" + list(array.elements(), "[", "]");
    }
    if (expression instanceof MapConstructor map) {
      return map.entries().stream()
          .map(e -> format(e.key()) + " := " + format(e.value()))
          .collect(Collectors.joining(", ", "MAP(", ")"));
    }
    if (expression instanceof StructConstructor struct) {
      return struct.fields().stream()
          .map(f -> SqlFormatter.identifier(f.name()) + " := " + format(f.value()))
          .collect(Collectors.joining(", ", "STRUCT(", ")"));
    }
    return ((IntervalUnit) expression).unit().name();
  }

  private static String functionCall(FunctionCall call) {
    String name = SqlFormatter.identifier(call.name());
    if (call.arguments().isEmpty() && call.name().equals("COUNT")) {
      return name + "(*)";
    }
    return name + "(" + (call.distinct() ? "DISTINCT " : "") + list(call.arguments(), "", "") + ")";
  }

  private static String binary(Expression left, String operator, Expression right) {
    return "(" + format(left) + " " + operator + " " + format(right) + ")";
  }

  /** {@code -x}; a negative operand is parenthesised so two minus signs never form a comment. */
  private static String unary(ArithmeticUnary unary) {
    String operand = format(unary.operand());
    String sign = unary.sign() == ArithmeticUnary.Sign.MINUS ? "-" : "+";
    return operand.startsWith("-") || operand.startsWith("+")
        ? sign + "(" + operand + ")"
        : sign + operand;
  }

  private static String whens(List<WhenClause> whens, Optional<Expression> otherwise) {
    StringBuilder text = new StringBuilder();
    for (WhenClause when : whens) {
      text.append(" WHEN ")
          .append(format(when.operand()))
          .append(" THEN ")
          .append(format(when.result()));
    }
    otherwise.ifPresent(e -> text.append(" ELSE ").append(format(e)));
    return text.append(" END").toString();
  }

  private static String list(List<Expression> expressions, String open, String close) {
    return expressions.stream()
        .map(ExpressionFormatter::format)
        .collect(Collectors.joining(", ", open, close));
  }

  static String literal(Literal literal) {
    if (literal instanceof NullLiteral) {
      return "NULL";
    }
    if (literal instanceof BooleanLiteral bool) {
      return bool.booleanValue() ? "TRUE" : "FALSE";
    }
    if (literal instanceof IntegerLiteral || literal instanceof LongLiteral) {
      return String.valueOf(literal.value());
    }
    if (literal instanceof DecimalLiteral decimal) {
      String plain = decimal.decimalValue().toPlainString();
      return plain.contains(".") ? plain : plain + ".";
    }
    if (literal instanceof DoubleLiteral doubleLiteral) {
      // Always with an exponent: without one the text would read back as a DECIMAL.
      String text = Double.toString(doubleLiteral.doubleValue());
      return text.contains("E") ? text : text + "E0";
    }
    return SqlFormatter.string(((StringLiteral) literal).stringValue());
  }
}
