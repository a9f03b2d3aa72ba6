package dev.millrace.planner.logical;

import dev.millrace.engine.plan.JoinWindow;
import dev.millrace.engine.plan.WindowInfo;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;

/**
 * A stream-stream join ({@code ... JOIN ... WITHIN ...}): rows of the two streams whose join keys
 * are equal and whose times are within {@code window} of each other. The join key is a tuple:
 * {@code leftKeys} are expressions over the left input, {@code rightKeys} the equal ones over the
 * right input, in the order of the ON clause's equalities. Its row is the left fields then the
 * right fields, every one nullable (outer joins leave a side empty). A relational Join has no
 * notion of time bounds, so this is a node of its own that Calcite's join rules leave alone.
 */
public final class WindowedJoin extends BiRel {
  private final JoinRelType joinType;
  private final List<RexNode> leftKeys;
  private final List<RexNode> rightKeys;
  private final JoinWindow window;
  private final Optional<WindowInfo> rewindow;

  public WindowedJoin(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode left,
      RelNode right,
      JoinRelType joinType,
      List<RexNode> leftKeys,
      List<RexNode> rightKeys,
      JoinWindow window,
      Optional<WindowInfo> rewindow) {
    super(cluster, traits, left, right);
    this.joinType = joinType;
    this.leftKeys = List.copyOf(leftKeys);
    this.rightKeys = List.copyOf(rightKeys);
    this.window = window;
    this.rewindow = rewindow;
  }

  public JoinRelType joinType() {
    return joinType;
  }

  public List<RexNode> leftKeys() {
    return leftKeys;
  }

  public List<RexNode> rightKeys() {
    return rightKeys;
  }

  public JoinWindow window() {
    return window;
  }

  /**
   * For windowed inputs whose join goes through a schema-registry key format: the window both
   * sides' rows take through their repartition topics (see {@link WindowedJoinRules}).
   */
  public Optional<WindowInfo> rewindow() {
    return rewindow;
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory factory = getCluster().getTypeFactory();
    RelDataTypeFactory.Builder row = factory.builder();
    for (RelNode side : List.of(left, right)) {
      for (RelDataTypeField field : side.getRowType().getFieldList()) {
        row.add(field.getName(), factory.createTypeWithNullability(field.getType(), true));
      }
    }
    return row.uniquify().build();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WindowedJoin(
        getCluster(),
        traitSet,
        inputs.get(0),
        inputs.get(1),
        joinType,
        leftKeys,
        rightKeys,
        window,
        rewindow);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("joinType", joinType.lowerName)
        .item("leftKey", text(leftKeys))
        .item("rightKey", text(rightKeys))
        .item("within", "(" + window.beforeMs() + " ms, " + window.afterMs() + " ms)")
        .itemIf("grace", window.graceMs() + " ms", window.hasGrace())
        .itemIf("rewindow", rewindow.map(WindowedJoin::text).orElse(""), rewindow.isPresent());
  }

  private static String text(WindowInfo window) {
    return window.type() == WindowInfo.Type.SESSION
        ? "SESSION"
        : window.type() + " " + window.sizeMs() + " ms";
  }

  private static String text(List<RexNode> keys) {
    return String.join(", ", keys.stream().map(RexNode::toString).toList());
  }
}
