package dev.millrace.server.service;

import dev.millrace.engine.expr.EvaluationException;
import dev.millrace.engine.expr.ExpressionCompiler;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.registry.SchemaRegistryException;
import dev.millrace.engine.serde.RegistryBinding;
import dev.millrace.engine.serde.SerdeException;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.catalog.DataSource;
import java.util.List;

/**
 * Carries out INSERT INTO ... VALUES: evaluates the row, serialises it in the target's formats,
 * writes it.
 */
final class InsertValues {
  private static final Object[] NO_COLUMNS = new Object[0];

  private final QueryBackend backend;
  private final ExpressionCompiler compiler;

  InsertValues(QueryBackend backend, FunctionRegistry functions) {
    this.backend = backend;
    this.compiler = new ExpressionCompiler(functions);
  }

  void insert(PlannedStatement.InsertRow row) {
    DataSource target = row.target();
    Object[] key;
    Object[] value;
    long timestamp;
    try {
      key = evaluate(row.key());
      value = evaluate(row.value());
      timestamp =
          row.timestamp()
              .map(t -> ((Number) compiler.compile(t).evaluate(NO_COLUMNS)).longValue())
              .orElseGet(System::currentTimeMillis);
    } catch (EvaluationException | ClassCastException bad) {
      throw failed(target, bad);
    }
    write(target, key, value, timestamp);
  }

  /**
   * Serialises a row of {@code target}'s key and value columns in its key and value formats and
   * writes it to its topic: the one way rows from outside the queries (INSERT VALUES, {@code
   * /inserts-stream}) reach a topic.
   */
  void write(DataSource target, Object[] key, Object[] value, long timestamp) {
    try {
      RegistryBinding registry = new RegistryBinding(backend.schemaRegistry(), target.topic());
      byte[] keyBytes =
          SerdeFactory.keySerde(
                  target.formats().key(),
                  target.schema().key(),
                  target.formats().keyWindow(),
                  registry)
              .serialize(key, null);
      byte[] valueBytes =
          SerdeFactory.valueSerde(target.formats().value(), target.storedSchema().value(), registry)
              .serialize(value);
      backend.produce(target.topic(), keyBytes, valueBytes, timestamp);
    } catch (SerdeException | SchemaRegistryException | ClassCastException bad) {
      throw failed(target, bad);
    }
  }

  private static EngineException failed(DataSource target, Exception bad) {
    return new EngineException(
        ErrorCode.BAD_STATEMENT,
        "Failed to insert values into '" + target.name() + "'. " + bad.getMessage());
  }

  private Object[] evaluate(List<Expr> expressions) {
    Object[] values = new Object[expressions.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = compiler.compile(expressions.get(i)).evaluate(NO_COLUMNS);
    }
    return values;
  }
}
