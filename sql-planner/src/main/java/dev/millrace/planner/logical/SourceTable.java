package dev.millrace.planner.logical;

import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.planner.catalog.DataSource;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog stream or table as Calcite sees it. Its row is the value array a source step emits
 * (value columns, pseudo columns, key copies, window bounds — see {@link SourceColumns}), so that
 * field indexes in RexNodes are the engine's column positions.
 */
public final class SourceTable extends AbstractTable {
  private final DataSource source;

  public SourceTable(DataSource source) {
    this.source = source;
  }

  public DataSource source() {
    return source;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return new CalciteTypes(typeFactory)
        .toRow(SourceColumns.withPseudoColumns(source.schema(), source.isWindowed()).value());
  }
}
