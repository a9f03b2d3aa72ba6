package dev.millrace.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicKeyFormatTest {
  private static final LogicalSchema SCHEMA =
      new LogicalSchema(
          List.of(new Column("ID", SqlType.STRING)), List.of(new Column("V", SqlType.STRING)));
  private static final Expr V = new Expr.ColumnRef(0, "V", SqlType.STRING);
  private static final FormatInfo JSON_KEY = FormatInfo.of("JSON");
  private static final FormatInfo KAFKA_KEY = FormatInfo.of("KAFKA");

  @Test
  void rowsKeepTheirTopicsKeyFormatUntilTheirKeyChanges() {
    PlanStep left = table("left", JSON_KEY);
    PlanStep right = table("right", KAFKA_KEY);
    PlanStep filtered =
        new PlanStep.TableFilter(new PlanStep.TableSelect(left, List.of(V), SCHEMA), V, SCHEMA);
    PlanStep joined = new PlanStep.TableTableJoin(filtered, right, JoinType.INNER, SCHEMA);
    PlanStep repartitioned =
        new PlanStep.TableRepartition(right, "keyed", JSON_KEY, "store", SCHEMA);
    PlanStep regrouped = new PlanStep.TableGroupBy(left, List.of(V), "grouped", SCHEMA);

    assertEquals(Optional.of(JSON_KEY), TopicKeyFormat.of(filtered));
    assertEquals(Optional.of(JSON_KEY), TopicKeyFormat.of(joined));
    assertEquals(Optional.of(JSON_KEY), TopicKeyFormat.of(repartitioned));
    assertEquals(Optional.empty(), TopicKeyFormat.of(regrouped));
  }

  private static PlanStep table(String topic, FormatInfo keyFormat) {
    return new PlanStep.TableSource(
        topic,
        new Formats(keyFormat, FormatInfo.of("JSON"), Optional.empty()),
        SCHEMA,
        Optional.empty(),
        Optional.empty(),
        topic + "-store",
        SCHEMA);
  }
}
