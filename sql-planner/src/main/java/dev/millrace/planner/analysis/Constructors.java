package dev.millrace.planner.analysis;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ArrayConstructor;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.MapConstructor;
import dev.millrace.parser.ast.StructConstructor;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * ARRAY[...], MAP(k := v, ...) and STRUCT(f := v, ...): elements, keys and values each take one
 * type by {@link ListCoercion}.
 */
final class Constructors {
  private final ExpressionAnalyzer analyzer;

  Constructors(ExpressionAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  RexNode analyze(Expression e, ExpressionScope scope) {
    if (e instanceof ArrayConstructor a) {
      return array(a, scope);
    }
    if (e instanceof MapConstructor m) {
      return map(m, scope);
    }
    if (e instanceof StructConstructor s) {
      return struct(s, scope);
    }
    throw new PlanningException(
        e.location(), "A lambda can only be an argument of a function: " + SqlFormatter.format(e));
  }

  private RexNode array(ArrayConstructor a, ExpressionScope scope) {
    if (a.elements().isEmpty()) {
      throw new PlanningException(a.location(), "Array constructor cannot be empty.");
    }
    List<RexNode> elements = new ArrayList<>();
    a.elements().forEach(element -> elements.add(analyzer.analyze(element, scope)));
    SqlType type =
        common(elements, a.elements(), a, "Cannot construct an array with all NULL elements");
    return analyzer
        .rexBuilder()
        .makeCall(
            analyzer.types().toRel(new SqlType.Array(type)),
            SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR,
            coerceAll(elements, a.elements(), type));
  }

  private RexNode map(MapConstructor m, ExpressionScope scope) {
    if (m.entries().isEmpty()) {
      throw new PlanningException(
          m.location(),
          "Map constructor cannot be empty. Please supply at least one key value "
              + "pair (see https://github.com/confluentinc/ksql/issues/4239).");
    }
    List<RexNode> keys = new ArrayList<>();
    List<RexNode> values = new ArrayList<>();
    List<Expression> keyAsts = m.entries().stream().map(MapConstructor.Entry::key).toList();
    List<Expression> valueAsts = m.entries().stream().map(MapConstructor.Entry::value).toList();
    keyAsts.forEach(k -> keys.add(analyzer.analyze(k, scope)));
    valueAsts.forEach(v -> values.add(analyzer.analyze(v, scope)));
    SqlType keyType = common(keys, keyAsts, m, "Cannot construct a map with all NULL keys");
    SqlType valueType = common(values, valueAsts, m, "Cannot construct a map with all NULL values");
    List<RexNode> keyNodes = coerceAll(keys, keyAsts, keyType);
    List<RexNode> valueNodes = coerceAll(values, valueAsts, valueType);
    List<RexNode> operands = new ArrayList<>();
    for (int i = 0; i < keyNodes.size(); i++) {
      operands.add(keyNodes.get(i));
      operands.add(valueNodes.get(i));
    }
    return analyzer
        .rexBuilder()
        .makeCall(
            analyzer.types().toRel(new SqlType.Map(keyType, valueType)),
            SqlStdOperatorTable.MAP_VALUE_CONSTRUCTOR,
            operands);
  }

  private RexNode struct(StructConstructor s, ExpressionScope scope) {
    List<SqlType.Field> fields = new ArrayList<>();
    List<RexNode> values = new ArrayList<>();
    for (StructConstructor.Field field : s.fields()) {
      RexNode value = analyzer.analyze(field.value(), scope);
      SqlType type = analyzer.typeOf(value);
      if (type == null) {
        throw new PlanningException(
            field.value().location(),
            "Cannot infer the type of NULL for STRUCT field "
                + field.name()
                + "; CAST it to a type.");
      }
      fields.add(new SqlType.Field(field.name(), type));
      values.add(value);
    }
    return analyzer
        .rexBuilder()
        .makeCall(
            analyzer.types().toRel(new SqlType.Struct(fields)), SqlStdOperatorTable.ROW, values);
  }

  private SqlType common(
      List<RexNode> nodes, List<Expression> asts, Expression whole, String allNull) {
    ListCoercion list = new ListCoercion(analyzer);
    SqlType type = null;
    for (int i = 0; i < nodes.size(); i++) {
      if (list.isNull(nodes.get(i), asts.get(i))) {
        continue;
      }
      SqlType before = type;
      SqlType next = analyzer.typeOf(nodes.get(i));
      type =
          list.add(before, nodes.get(i), asts.get(i))
              .orElseThrow(
                  () ->
                      new PlanningException(
                          asts.get(0).location(),
                          "Elements of "
                              + SqlFormatter.format(whole)
                              + " have incompatible types "
                              + before.toSql()
                              + " and "
                              + next.toSql()));
    }
    if (type == null) {
      throw new PlanningException(whole.location(), allNull);
    }
    return type;
  }

  private List<RexNode> coerceAll(List<RexNode> nodes, List<Expression> asts, SqlType type) {
    ListCoercion list = new ListCoercion(analyzer);
    List<RexNode> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      out.add(list.convert(nodes.get(i), type, asts.get(i)));
    }
    return out;
  }
}
