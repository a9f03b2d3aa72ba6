package dev.millrace.planner;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.InsertValues;
import dev.millrace.planner.analysis.ClosestNames;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.ExpressionScope;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.logical.PlanningContext;
import dev.millrace.planner.physical.ExprTranslator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rex.RexNode;

/**
 * Plans INSERT INTO ... VALUES: matches values to columns (all columns, key first, when none are
 * named), types each value against its column (widening numbers, reading string literals as the
 * column's type) and returns one expression per key and value column.
 */
final class InsertValuesPlanner {
  private final Catalog catalog;
  private final FunctionRegistry functions;

  InsertValuesPlanner(Catalog catalog, FunctionRegistry functions) {
    this.catalog = catalog;
    this.functions = functions;
  }

  PlannedStatement plan(InsertValues insert) {
    DataSource target =
        catalog
            .source(insert.target())
            .orElseThrow(
                () ->
                    new PlanningException(
                        insert.location(),
                        insert.target()
                            + " does not exist."
                            + ClosestNames.hint(
                                insert.target(),
                                catalog.sources().stream().map(DataSource::name).toList())));
    String what =
        "Cannot insert values into " + target.type().lowerName() + " " + target.name() + ": ";
    if (target.readOnly()) {
      throw new PlanningException(
          insert.location(),
          "Cannot insert values into read-only "
              + target.type().lowerName()
              + ": "
              + target.name());
    }
    if (target.isWindowed()) {
      throw new PlanningException(insert.location(), what + "its key is windowed.");
    }
    List<String> columns =
        insert.columns().isEmpty()
            ? target.schema().columns().stream().map(Column::name).toList()
            : insert.columns();
    List<String> headers = columns.stream().filter(c -> target.header(c).isPresent()).toList();
    if (!headers.isEmpty()) {
      throw new PlanningException(
          insert.location(), "Cannot insert into HEADER columns: " + String.join(", ", headers));
    }
    if (columns.size() != insert.values().size()) {
      throw new PlanningException(
          insert.location(),
          "Expected a value for each column. Expected Columns: "
              + columns
              + ". Got "
              + insert.values().size()
              + " values.");
    }
    PlanningContext context = new PlanningContext(catalog, functions);
    Map<String, Expr> given = new LinkedHashMap<>();
    Optional<Expr> timestamp = Optional.empty();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i);
      Expression value = insert.values().get(i);
      if (given.containsKey(name) || name.equals(SourceColumns.ROWTIME) && timestamp.isPresent()) {
        throw new PlanningException(
            value.location(), "Column " + name + " is given more than once.");
      }
      if (name.equals(SourceColumns.ROWTIME)) {
        timestamp = Optional.of(typed(context, value, new Column(name, SqlType.BIGINT)));
        continue;
      }
      Column column =
          target
              .schema()
              .find(name)
              .orElseThrow(
                  () ->
                      new PlanningException(
                          value.location(),
                          "Column name "
                              + name
                              + " does not exist."
                              + ClosestNames.hint(
                                  name,
                                  target.schema().columns().stream().map(Column::name).toList())));
      given.put(name, typed(context, value, column));
    }
    List<String> missingKeys =
        target.schema().key().stream()
            .map(Column::name)
            .filter(k -> !given.containsKey(k))
            .toList();
    if (target.isTable() && !missingKeys.isEmpty()) {
      throw new PlanningException(
          insert.location(),
          "Failed to insert values into '"
              + target.name()
              + "'. Value for primary key column(s) "
              + String.join(", ", missingKeys)
              + " is required for tables");
    }
    return new PlannedStatement.InsertRow(
        target,
        exprs(target.schema().key(), given),
        exprs(target.storedSchema().value(), given),
        timestamp);
  }

  private static List<Expr> exprs(List<Column> columns, Map<String, Expr> given) {
    List<Expr> out = new ArrayList<>();
    columns.forEach(c -> out.add(given.getOrDefault(c.name(), new Expr.Literal(null, c.type()))));
    return out;
  }

  private static Expr typed(PlanningContext context, Expression value, Column column) {
    ExpressionAnalyzer analyzer = context.analyzer();
    RexNode analyzed = analyzer.analyze(value, CONSTANTS);
    RexNode node = analyzer.coercions().fitLiteral(analyzed, column.type()).orElse(analyzed);
    SqlType type = analyzer.typeOf(node);
    if (type != null
        && !type.equals(column.type())
        && !analyzer.coercions().isStringLiteral(node)
        && !dev.millrace.engine.function.ImplicitCasts.widensTo(type, column.type())) {
      throw new PlanningException(
          value.location(),
          "Expected type "
              + column.type().toSql()
              + " for column "
              + column.name()
              + " but got "
              + type.toSql()
              + ".");
    }
    RexNode coerced = analyzer.coercions().coerceComparand(node, column.type(), value);
    return new ExprTranslator(context.types(), context.relBuilder().getRexBuilder(), List.of())
        .translate(coerced);
  }

  /** Values are constants: no columns, no aggregates. */
  private static final ExpressionScope CONSTANTS =
      new ExpressionScope() {
        @Override
        public RexNode column(ColumnRef ref) {
          throw new PlanningException(
              ref.location(),
              "INSERT VALUES only accepts constant values, not columns: " + ref.name());
        }

        @Override
        public RexNode aggregate(FunctionCall call, ExpressionAnalyzer analyzer) {
          throw new PlanningException(
              call.location(), "INSERT VALUES does not accept aggregate functions: " + call.name());
        }
      };
}
