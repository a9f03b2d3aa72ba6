package dev.millrace.planner.analysis;

import dev.millrace.engine.expr.Casts;
import dev.millrace.engine.function.ImplicitCasts;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ArrayConstructor;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.MapConstructor;
import dev.millrace.parser.ast.NullLiteral;
import dev.millrace.parser.ast.StructConstructor;
import dev.millrace.planner.PlanningException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * ksqlDB's coercion of a list of expressions to one type: the value and candidates of an IN
 * predicate, and the elements, keys or values of ARRAY and MAP constructors. Besides the widening
 * every expression gets, literals are open to more (ksqlDB's "literal rules"):
 *
 * <ul>
 *   <li>any literal converts to a STRING (as its text, {@code 10.30} to {@code '10.30'});
 *   <li>a STRING literal holding a number converts to a number type wide enough for it, so {@code
 *       INT_COL IN (1, '2147483648')} compares as BIGINT; one holding a boolean or a date or time
 *       converts to that type;
 *   <li>constructors are coerced element by element, so {@code ARRAY['3', NULL]} is an {@code
 *       ARRAY<BIGINT>} among BIGINT arrays;
 *   <li>two STRUCTs have the union of their fields (a field both have takes their common type) and
 *       a field a struct lacks is null in it, so {@code STRUCT(A := 1)} and {@code STRUCT(B :=
 *       'x')} are both {@code STRUCT<A INTEGER, B STRING>}. Field names are compared exactly.
 * </ul>
 */
final class ListCoercion {
  private final ExpressionAnalyzer analyzer;

  ListCoercion(ExpressionAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Whether the element is a NULL, which takes the list's type and adds nothing to it. */
  boolean isNull(RexNode node, Expression ast) {
    return analyzer.typeOf(node) == null || ast instanceof NullLiteral;
  }

  /**
   * The type {@code common} (the type of the elements before, null when there were none but NULLs)
   * becomes with {@code node} (written as {@code ast}, not a NULL) added; empty when they do not
   * combine.
   */
  Optional<SqlType> add(SqlType common, RexNode node, Expression ast) {
    SqlType type = analyzer.typeOf(node);
    if (common == null || common.equals(type)) {
      return Optional.of(type);
    }
    if (common instanceof SqlType.Struct target && type instanceof SqlType.Struct struct) {
      return union(target, struct, node, ast);
    }
    if (common instanceof SqlType.Array target
        && ast instanceof ArrayConstructor array
        && node instanceof RexCall call) {
      return fold(target.element(), call.getOperands(), array.elements()).map(SqlType.Array::new);
    }
    if (common instanceof SqlType.Map target
        && ast instanceof MapConstructor map
        && node instanceof RexCall call) {
      List<RexNode> keys = new ArrayList<>();
      List<RexNode> values = new ArrayList<>();
      for (int i = 0; i < call.getOperands().size(); i += 2) {
        keys.add(call.getOperands().get(i));
        values.add(call.getOperands().get(i + 1));
      }
      Optional<SqlType> key =
          fold(target.key(), keys, map.entries().stream().map(MapConstructor.Entry::key).toList());
      Optional<SqlType> value =
          fold(
              target.value(),
              values,
              map.entries().stream().map(MapConstructor.Entry::value).toList());
      return key.flatMap(k -> value.map(v -> new SqlType.Map(k, v)));
    }
    if (node instanceof RexLiteral && common.base() == SqlType.Base.STRING) {
      return Optional.of(common);
    }
    if (analyzer.coercions().isStringLiteral(node)) {
      return fromText(common, ((RexLiteral) node).getValueAs(String.class), ast);
    }
    return ImplicitCasts.commonType(common, type);
  }

  private Optional<SqlType> fold(SqlType start, List<RexNode> nodes, List<Expression> asts) {
    Optional<SqlType> common = Optional.of(start);
    for (int i = 0; i < nodes.size() && common.isPresent(); i++) {
      int at = i;
      if (!isNull(nodes.get(at), asts.get(at))) {
        common = common.flatMap(c -> add(c, nodes.get(at), asts.get(at)));
      }
    }
    return common;
  }

  private Optional<SqlType> union(
      SqlType.Struct target, SqlType.Struct struct, RexNode node, Expression ast) {
    List<SqlType.Field> fields = new ArrayList<>(target.fields());
    for (int i = 0; i < struct.fields().size(); i++) {
      SqlType.Field field = struct.fields().get(i);
      int at = target.indexOf(field.name());
      if (at < 0) {
        fields.add(field);
        continue;
      }
      Optional<SqlType> type =
          ast instanceof StructConstructor constructor && node instanceof RexCall call
              ? add(
                  target.fields().get(at).type(),
                  call.getOperands().get(i),
                  constructor.fields().get(i).value())
              : ImplicitCasts.commonType(target.fields().get(at).type(), field.type());
      if (type.isEmpty()) {
        return Optional.empty();
      }
      fields.set(at, new SqlType.Field(field.name(), type.get()));
    }
    return Optional.of(new SqlType.Struct(fields));
  }

  /** A number type holding the text's number, combined with {@code common}; other types as-is. */
  private Optional<SqlType> fromText(SqlType common, String text, Expression ast) {
    if (!ImplicitCasts.isNumber(common)) {
      return common.base() == SqlType.Base.BOOLEAN || OperatorTypes.isTemporal(common)
          ? Optional.of(common)
          : Optional.empty();
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new PlanningException(
          ast.location(),
          "invalid input syntax for type "
              + (common.base() == SqlType.Base.DECIMAL ? "DECIMAL" : common.toSql())
              + ": \""
              + text
              + "\".");
    }
    return ImplicitCasts.commonType(common, numberType(number, text));
  }

  private static SqlType numberType(BigDecimal number, String text) {
    if (text.toLowerCase(java.util.Locale.ROOT).contains("e")) {
      return SqlType.DOUBLE;
    }
    if (number.scale() <= 0) {
      try {
        long value = number.longValueExact();
        return value == (int) value ? SqlType.INTEGER : SqlType.BIGINT;
      } catch (ArithmeticException tooBig) {
        // wider than BIGINT: a DECIMAL below
      }
    }
    int scale = Math.max(0, number.scale());
    return new SqlType.Decimal(Math.max(number.precision(), scale), scale);
  }

  /** {@code node} (written as {@code ast}) converted to the list's common type. */
  RexNode convert(RexNode node, SqlType target, Expression ast) {
    SqlType type = analyzer.typeOf(node);
    RexBuilder rex = analyzer.rexBuilder();
    if (isNull(node, ast)) {
      return rex.makeNullLiteral(analyzer.types().toRel(target));
    }
    if (type.equals(target)) {
      return node;
    }
    if (node instanceof RexCall call && isConstructor(ast)) {
      return rebuild(call, target, ast);
    }
    if (node instanceof RexLiteral literal
        && !analyzer.coercions().isStringLiteral(node)
        && target.base() == SqlType.Base.STRING) {
      Object value = EngineLiterals.value(literal, type);
      return analyzer
          .coercions()
          .stringLiteral((String) Casts.converter(type, SqlType.STRING).convert(value));
    }
    if (type instanceof SqlType.Struct && target instanceof SqlType.Struct) {
      return rex.makeAbstractCast(analyzer.types().toRel(target), node, false);
    }
    return analyzer.coercions().coerceComparand(node, target, ast);
  }

  private static boolean isConstructor(Expression ast) {
    return ast instanceof ArrayConstructor
        || ast instanceof MapConstructor
        || ast instanceof StructConstructor;
  }

  private RexNode rebuild(RexCall call, SqlType target, Expression ast) {
    List<RexNode> operands = new ArrayList<>();
    if (ast instanceof ArrayConstructor array && target instanceof SqlType.Array type) {
      for (int i = 0; i < array.elements().size(); i++) {
        operands.add(convert(call.getOperands().get(i), type.element(), array.elements().get(i)));
      }
    } else if (ast instanceof MapConstructor map && target instanceof SqlType.Map type) {
      for (int i = 0; i < map.entries().size(); i++) {
        MapConstructor.Entry entry = map.entries().get(i);
        operands.add(convert(call.getOperands().get(2 * i), type.key(), entry.key()));
        operands.add(convert(call.getOperands().get(2 * i + 1), type.value(), entry.value()));
      }
    } else if (ast instanceof StructConstructor struct && target instanceof SqlType.Struct type) {
      for (SqlType.Field field : type.fields()) {
        int at = indexOf(struct, field.name());
        operands.add(
            at < 0
                ? analyzer.rexBuilder().makeNullLiteral(analyzer.types().toRel(field.type()))
                : convert(
                    call.getOperands().get(at), field.type(), struct.fields().get(at).value()));
      }
    } else {
      return analyzer.coercions().coerceComparand(call, target, ast);
    }
    return analyzer
        .rexBuilder()
        .makeCall(analyzer.types().toRel(target), call.getOperator(), operands);
  }

  private static int indexOf(StructConstructor struct, String name) {
    for (int i = 0; i < struct.fields().size(); i++) {
      if (struct.fields().get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
