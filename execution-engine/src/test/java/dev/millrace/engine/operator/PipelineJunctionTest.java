package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A task makes the operators after a junction once, however the joins that meet there nest. */
class PipelineJunctionTest {

  /** Counts the operators it makes; each forwards rows unchanged. */
  private static final class Counting implements OperatorFactory {
    int made;

    @Override
    public Operator create(Operator downstream) {
      made++;
      return downstream::process;
    }
  }

  private static Chain chain(String topic, OperatorFactory... operators) {
    return new Chain(topic, () -> (record, context) -> null, List.of(operators), 0, true);
  }

  @Test
  void theOperatorsAfterOneJoinAreMadeOnce() {
    Counting left = new Counting();
    Counting right = new Counting();
    Counting after = new Counting();
    Junction junction = new Junction();

    new Pipeline(List.of(chain("l", left, junction, after), chain("r", right, junction, after)));

    assertEquals(List.of(1, 1, 1), List.of(left.made, right.made, after.made));
  }

  @Test
  void theOuterJoinOfNestedJoinsIsMadeOnce() {
    // (a JOIN b) JOIN c: a and b meet at the inner junction, which feeds the outer join's left
    // operator; that operator and c's meet at the outer junction.
    Counting a = new Counting();
    Counting b = new Counting();
    Counting c = new Counting();
    Counting outerLeft = new Counting();
    Counting after = new Counting();
    Junction inner = new Junction();
    Junction outer = new Junction();

    new Pipeline(
        List.of(
            chain("a", a, inner, outerLeft, outer, after),
            chain("b", b, inner, outerLeft, outer, after),
            chain("c", c, outer, after)));

    assertEquals(
        List.of(1, 1, 1, 1, 1), List.of(a.made, b.made, c.made, outerLeft.made, after.made));
  }
}
