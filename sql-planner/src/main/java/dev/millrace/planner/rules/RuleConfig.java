package dev.millrace.planner.rules;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of one of our rules: its description, the operand tree it matches, and how to
 * make the rule. (Calcite's own rules generate this class with an annotation processor.)
 */
record RuleConfig(
    RelBuilderFactory relBuilderFactory,
    String description,
    RelRule.OperandTransform operandSupplier,
    Function<RuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  static RuleConfig of(
      String description,
      RelRule.OperandTransform operands,
      Function<RuleConfig, RelOptRule> factory) {
    return new RuleConfig(RelFactories.LOGICAL_BUILDER, description, operands, factory);
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public RuleConfig withRelBuilderFactory(RelBuilderFactory next) {
    return new RuleConfig(next, description, operandSupplier, factory);
  }

  @Override
  public RuleConfig withDescription(String next) {
    return new RuleConfig(relBuilderFactory, next, operandSupplier, factory);
  }

  @Override
  public RuleConfig withOperandSupplier(RelRule.OperandTransform next) {
    return new RuleConfig(relBuilderFactory, description, next, factory);
  }
}
