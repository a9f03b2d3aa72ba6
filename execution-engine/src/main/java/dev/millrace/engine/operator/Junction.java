package dev.millrace.engine.operator;

/**
 * Where two chains of a sub-topology meet (the two inputs of a stream-stream or table-table join):
 * both chains list the same Junction, and a task's {@link Pipeline} makes it, and the operators
 * after it, only once, so the rows of both inputs flow through one downstream (one sink, one
 * aggregate over one store). The operator it makes just forwards rows.
 */
final class Junction implements OperatorFactory {
  @Override
  public Operator create(Operator downstream) {
    return downstream::process;
  }
}
