package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Source header columns: filled from each record's headers, then ordinary columns downstream. */
class HeaderColumnsQueryTest {
  private static final LogicalSchema STORED =
      Plans.schema(List.of(col("ID", SqlType.BIGINT)), col("V", SqlType.INTEGER));
  private static final List<HeaderColumn> HEADERS =
      List.of(new HeaderColumn("ALL", Optional.empty()), new HeaderColumn("T", Optional.of("t")));

  private final Harness harness = new Harness();

  @Test
  void headerColumnsHoldEveryHeaderAndTheLastOfAKey() {
    List<Column> value = new ArrayList<>(STORED.value());
    HEADERS.forEach(h -> value.add(col(h.name(), h.type())));
    LogicalSchema declared = new LogicalSchema(STORED.key(), value);
    PlanStep.StreamSource source =
        new PlanStep.StreamSource(
            "in",
            Plans.KAFKA_JSON,
            STORED,
            Optional.empty(),
            Optional.empty(),
            SourceColumns.withPseudoColumns(declared, false),
            HEADERS);
    PlanStep.StreamSink plan = Plans.streamSink(Plans.select(source, "V", "ALL", "T"), "out");
    harness.start("q", plan);

    pipe(1L, 5, List.of(header("t", "x"), header("u", null), header("t", "y")));
    pipe(2L, 6, List.of());

    // The sink's JSON shows BYTES as base64: "x" is eA==, "y" is eQ==.
    assertEquals(
        List.of(
            "{\"V\":5,\"ALL\":[{\"KEY\":\"t\",\"VALUE\":\"eA==\"},"
                + "{\"KEY\":\"u\",\"VALUE\":null},{\"KEY\":\"t\",\"VALUE\":\"eQ==\"}],"
                + "\"T\":\"eQ==\"}",
            "{\"V\":6,\"ALL\":[],\"T\":null}"),
        harness.driver.records("out").stream()
            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .toList());
  }

  private void pipe(long id, int v, List<InputRecord.Header> headers) {
    byte[] key =
        SerdeFactory.keySerde(Plans.KAFKA_JSON.key(), STORED.key(), Optional.empty())
            .serialize(new Object[] {id}, null);
    byte[] value =
        SerdeFactory.valueSerde(Plans.KAFKA_JSON.value(), STORED.value())
            .serialize(new Object[] {v});
    harness.driver.pipeInput("in", 0, key, value, 10, headers);
  }

  private static InputRecord.Header header(String key, String value) {
    return new InputRecord.Header(
        key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }
}
