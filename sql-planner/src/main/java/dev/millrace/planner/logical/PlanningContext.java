package dev.millrace.planner.logical;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.TypeResolver;
import dev.millrace.planner.catalog.Catalog;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.tools.RelBuilder;

/**
 * What planning one statement needs: the catalog snapshot, a {@link RelBuilder} over the Calcite
 * view of that snapshot, and the expression analyzer. Made per statement; not shared.
 */
public final class PlanningContext {
  /** The Calcite schema the catalog's sources are tables of. */
  private static final String SCHEMA = "MILLRACE";

  /**
   * Calcite's metadata handlers, called through reflection: its default compiles them with Janino
   * at the first query (about 270 classes and a third of a second), which a handful of lookups per
   * statement do not repay.
   */
  private static final MetadataHandlerProvider METADATA =
      new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

  private final Catalog catalog;
  private final RelBuilder relBuilder;
  private final CalciteTypes types;
  private final ExpressionAnalyzer analyzer;

  public PlanningContext(Catalog catalog, FunctionRegistry functions) {
    this.catalog = catalog;
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    root.add(SCHEMA, new CatalogSchema(catalog));
    JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(MillraceTypeSystem.INSTANCE);
    CalciteCatalogReader reader =
        new CalciteCatalogReader(
            root, List.of(SCHEMA), typeFactory, CalciteConnectionConfig.DEFAULT);
    // A planner with no rules: RelBuilder needs a cluster, and the rewrites run in the Optimizer's
    // own HepPlanner. Calcite's Frameworks would register every default rule of its Volcano
    // planner for each statement, and load the classes of a thousand rules at the first.
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA));
    this.relBuilder = RelBuilder.proto(Contexts.empty()).create(cluster, reader);
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
