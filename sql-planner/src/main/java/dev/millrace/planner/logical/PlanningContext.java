package dev.millrace.planner.logical;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.TypeResolver;
import dev.millrace.planner.catalog.Catalog;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;

/**
 * What planning one statement needs: the catalog snapshot, a {@link RelBuilder} over the Calcite
 * view of that snapshot, and the expression analyzer. Made per statement; not shared.
 */
public final class PlanningContext {
  private final Catalog catalog;
  private final RelBuilder relBuilder;
  private final CalciteTypes types;
  private final ExpressionAnalyzer analyzer;

  public PlanningContext(Catalog catalog, FunctionRegistry functions) {
    this.catalog = catalog;
    SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    SchemaPlus schema = root.add("MILLRACE", new CatalogSchema(catalog));
    FrameworkConfig config =
        Frameworks.newConfigBuilder()
            .defaultSchema(schema)
            .typeSystem(MillraceTypeSystem.INSTANCE)
            .build();
    this.relBuilder = RelBuilder.create(config);
    this.types = new CalciteTypes(relBuilder.getTypeFactory());
    this.analyzer =
        new ExpressionAnalyzer(
            relBuilder.getRexBuilder(), types, functions, new TypeResolver(catalog));
  }

  public Catalog catalog() {
    return catalog;
  }

  public RelBuilder relBuilder() {
    return relBuilder;
  }

  public CalciteTypes types() {
    return types;
  }

  public ExpressionAnalyzer analyzer() {
    return analyzer;
  }
}
