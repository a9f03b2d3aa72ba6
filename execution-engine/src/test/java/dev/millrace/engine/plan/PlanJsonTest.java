package dev.millrace.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
  private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());

  @Test
  void aPlanSurvivesAJsonRoundTrip() throws Exception {
    LogicalSchema stored =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)),
            List.of(
                new Column("NAME", SqlType.STRING),
                new Column("PRICE", new SqlType.Decimal(6, 2)),
                new Column("TAGS", new SqlType.Array(SqlType.STRING))));
    LogicalSchema sourceSchema = SourceColumns.withPseudoColumns(stored, false);
    Formats formats =
        new Formats(
            FormatInfo.of("KAFKA"),
            new FormatInfo("DELIMITED", Map.of("delimiter", "|"), true),
            Optional.empty());
    PlanStep source =
        new PlanStep.StreamSource(
            "orders", formats, stored, Optional.empty(), Optional.empty(), sourceSchema);
    Expr cheap =
        new Expr.Operation(
            Operator.LESS_THAN,
            List.of(
                new Expr.ColumnRef(1, "PRICE", new SqlType.Decimal(6, 2)),
                new Expr.Literal(new BigDecimal("9.50"), new SqlType.Decimal(6, 2))),
            SqlType.BOOLEAN);
    PlanStep filter = new PlanStep.StreamFilter(source, cheap, sourceSchema);
    LogicalSchema out =
        new LogicalSchema(stored.key(), List.of(new Column("UPPER_NAME", SqlType.STRING)));
    PlanStep select =
        new PlanStep.StreamSelect(
            filter,
            List.of(
                new Expr.FunctionCall(
                    "UCASE",
                    List.of(new Expr.ColumnRef(0, "NAME", SqlType.STRING)),
                    SqlType.STRING)),
            out);
    PlanStep sink = new PlanStep.StreamSink(select, "cheap_orders", formats, out);

    String text = json.writeValueAsString(sink);

    assertEquals(sink, json.readValue(text, PlanStep.class));
  }

  @Test
  void sinksKeepTheirTimestampColumnAndOlderPlansWithoutOneStillLoad() throws Exception {
    LogicalSchema schema =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)), List.of(new Column("TS", SqlType.STRING)));
    Formats formats = new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
    PlanStep source =
        new PlanStep.StreamSource(
            "in", formats, schema, Optional.empty(), Optional.empty(), schema);
    PlanStep stream =
        new PlanStep.StreamSink(
            source, "out", formats, Optional.of("TS"), Optional.of("yyyy"), schema);
    PlanStep table =
        new PlanStep.TableSink(source, "out", formats, Optional.of("ID"), Optional.empty(), schema);

    assertEquals(stream, json.readValue(json.writeValueAsString(stream), PlanStep.class));
    assertEquals(table, json.readValue(json.writeValueAsString(table), PlanStep.class));

    // A sink as plans were stored before sinks had a timestamp column: the fields are missing.
    for (PlanStep sink : List.of(stream, table)) {
      var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(sink);
      tree.remove(List.of("timestampColumn", "timestampFormat"));
      PlanStep old = json.treeToValue(tree, PlanStep.class);
      PlanStep expected =
          sink instanceof PlanStep.StreamSink
              ? new PlanStep.StreamSink(source, "out", formats, schema)
              : new PlanStep.TableSink(source, "out", formats, schema);
      assertEquals(expected, old);
    }
  }

  @Test
  void aSourceKeepsItsSkippedColumnsAndOlderPlansWithoutThemDecodeEveryColumn() throws Exception {
    LogicalSchema stored =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)),
            List.of(new Column("NAME", SqlType.STRING), new Column("NOTE", SqlType.STRING)));
    LogicalSchema schema = SourceColumns.withPseudoColumns(stored, false);
    Formats formats = new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
    PlanStep.StreamSource all =
        new PlanStep.StreamSource(
            "in", formats, stored, Optional.empty(), Optional.empty(), schema);
    PlanStep.StreamSource pruned = all.skipping(List.of("NOTE"));

    ObjectNode tree = json.valueToTree(pruned);
    assertEquals("[\"NOTE\"]", tree.get("skippedColumns").toString());
    assertEquals(pruned, json.treeToValue(tree, PlanStep.class));

    // A source as plans were stored before it could skip columns: the field is missing.
    tree.remove("skippedColumns");
    assertEquals(all, json.treeToValue(tree, PlanStep.class));
    assertEquals(List.of(), all.skippedColumns());
    assertTrue(!json.valueToTree(all).has("skippedColumns"));
  }

  @Test
  void aFlatMapSurvivesAJsonRoundTripUnderItsVersionedName() throws Exception {
    LogicalSchema stored =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)),
            List.of(new Column("TAGS", new SqlType.Array(SqlType.STRING))));
    LogicalSchema schema = SourceColumns.withPseudoColumns(stored, false);
    Formats formats = new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
    PlanStep source =
        new PlanStep.StreamSource(
            "tags", formats, stored, Optional.empty(), Optional.empty(), schema);
    List<Column> flattened = new java.util.ArrayList<>(schema.value());
    flattened.add(new Column("KSQL_SYNTH_0", SqlType.STRING));
    PlanStep flatMap =
        new PlanStep.StreamFlatMap(
            source,
            List.of(
                new Expr.FunctionCall(
                    "EXPLODE",
                    List.of(new Expr.ColumnRef(0, "TAGS", new SqlType.Array(SqlType.STRING))),
                    SqlType.STRING)),
            new LogicalSchema(stored.key(), flattened));

    String text = json.writeValueAsString(flatMap);

    assertEquals(flatMap, json.readValue(text, PlanStep.class));
    assertEquals(true, text.contains("\"streamFlatMapV1\""));
  }

  @Test
  void aStreamStreamJoinSurvivesAJsonRoundTrip() throws Exception {
    LogicalSchema stored =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)), List.of(new Column("NAME", SqlType.STRING)));
    LogicalSchema schema = SourceColumns.withPseudoColumns(stored, false);
    Formats formats = new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
    PlanStep left =
        new PlanStep.StreamSource("l", formats, stored, Optional.empty(), Optional.empty(), schema);
    PlanStep right =
        new PlanStep.StreamSource("r", formats, stored, Optional.empty(), Optional.empty(), schema);
    List<Column> joined = new java.util.ArrayList<>(schema.value());
    joined.addAll(schema.value());
    PlanStep join =
        new PlanStep.StreamStreamJoin(
            left,
            right,
            JoinType.OUTER,
            new JoinWindow(1000, 2000, 500),
            "0-Join-store",
            new LogicalSchema(stored.key(), joined));

    String text = json.writeValueAsString(join);

    assertEquals(join, json.readValue(text, PlanStep.class));
    assertEquals(true, text.contains("\"streamStreamJoinV1\""));
  }

  @Test
  void aTableAggregationSurvivesAJsonRoundTripUnderItsVersionedNames() throws Exception {
    LogicalSchema stored =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.STRING)),
            List.of(new Column("REGION", SqlType.STRING), new Column("SCORE", SqlType.INTEGER)));
    LogicalSchema sourceSchema = SourceColumns.withPseudoColumns(stored, false);
    Formats formats = new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
    PlanStep source =
        new PlanStep.TableSource(
            "users", formats, stored, Optional.empty(), Optional.empty(), "Source", sourceSchema);
    Expr.ColumnRef region =
        new Expr.ColumnRef(sourceSchema.valueIndexOf("REGION"), "REGION", SqlType.STRING);
    Expr.ColumnRef score =
        new Expr.ColumnRef(sourceSchema.valueIndexOf("SCORE"), "SCORE", SqlType.INTEGER);
    List<Column> key = List.of(new Column("REGION", SqlType.STRING));
    PlanStep grouped =
        new PlanStep.TableGroupBy(
            source,
            List.of(region),
            "GroupBy-repartition",
            new LogicalSchema(key, sourceSchema.value()));
    LogicalSchema out =
        new LogicalSchema(key, List.of(key.get(0), new Column("TOTAL", SqlType.INTEGER)));
    PlanStep aggregate =
        new PlanStep.TableAggregate(
            grouped,
            List.of(new AggregateCall("SUM", List.of(score), List.of(), SqlType.INTEGER)),
            "Aggregate",
            out);
    PlanStep sink = new PlanStep.TableSink(aggregate, "totals", formats, out);

    String text = json.writeValueAsString(sink);

    assertEquals(sink, json.readValue(text, PlanStep.class));
    assertTrue(
        text.contains("\"step\":\"tableGroupByV1\"")
            && text.contains("\"step\":\"tableAggregateV1\""),
        text);
  }

  @Test
  void tableJoinsSurviveAJsonRoundTripUnderTheirVersionedNames() throws Exception {
    LogicalSchema users =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)),
            List.of(new Column("NAME", SqlType.STRING), new Column("CITY_ID", SqlType.BIGINT)));
    LogicalSchema cities =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)), List.of(new Column("CITY", SqlType.STRING)));
    Formats formats = new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
    PlanStep left =
        new PlanStep.TableSource(
            "users", formats, users, Optional.empty(), Optional.empty(), "users-store", users);
    PlanStep right =
        new PlanStep.TableSource(
            "cities", formats, cities, Optional.empty(), Optional.empty(), "cities-store", cities);
    LogicalSchema joined =
        new LogicalSchema(
            users.key(),
            List.of(
                new Column("NAME", SqlType.STRING),
                new Column("CITY_ID", SqlType.BIGINT),
                new Column("CITY", SqlType.STRING)));
    PlanStep byKey = new PlanStep.TableTableJoin(left, right, JoinType.OUTER, joined);
    PlanStep byForeignKey =
        new PlanStep.ForeignKeyTableJoin(
            left, right, new Expr.ColumnRef(1, "CITY_ID", SqlType.BIGINT), JoinType.LEFT, joined);

    for (PlanStep join : List.of(byKey, byForeignKey)) {
      String text = json.writeValueAsString(new PlanStep.TableSink(join, "out", formats, joined));
      assertEquals(
          new PlanStep.TableSink(join, "out", formats, joined),
          json.readValue(text, PlanStep.class));
    }
    assertEquals(true, json.writeValueAsString(byKey).contains("\"step\":\"tableTableJoinV1\""));
    assertEquals(
        true, json.writeValueAsString(byForeignKey).contains("\"step\":\"foreignKeyTableJoinV1\""));
  }

  @Test
  void literalsComeBackAsTheirTypesRunTimeClass() throws Exception {
    Expr big = new Expr.Literal(5L, SqlType.BIGINT);
    Expr read = json.readValue(json.writeValueAsString(big), Expr.class);
    assertEquals(Long.class, ((Expr.Literal) read).value().getClass());
  }

  /** A step without its own versioned name would be stored under a name no server reads back. */
  @Test
  void everyKindOfStepIsStoredUnderAVersionedName() {
    JsonSubTypes.Type[] names = PlanStep.class.getAnnotation(JsonSubTypes.class).value();

    assertEquals(
        Set.of(PlanStep.class.getPermittedSubclasses()),
        Arrays.stream(names).map(JsonSubTypes.Type::value).collect(Collectors.toSet()));
    for (JsonSubTypes.Type name : names) {
      assertTrue(name.name().matches("[a-z][A-Za-z]*V[0-9]+"), name.name());
    }
    assertEquals(
        names.length, Arrays.stream(names).map(JsonSubTypes.Type::name).distinct().count());
  }

  @Test
  void aStoredPlanCarriesItsFormatVersionAndReadsBack() throws Exception {
    PlanStep plan = smallPlan();

    String stored = json.writeValueAsString(PlanJson.write(plan));

    assertTrue(stored.startsWith("{\"version\":1,\"root\":{\"step\":\"streamSinkV1\""), stored);
    assertEquals(plan, PlanJson.read(json.readTree(stored)));
  }

  @Test
  void aStoredPlanThisEngineCannotReadIsRefusedWithTheReason() {
    ObjectNode stored = PlanJson.write(smallPlan());
    ObjectNode newer = stored.deepCopy().put("version", 2);
    ObjectNode unknownStep = stored.deepCopy();
    ((ObjectNode) unknownStep.get("root").get("source")).put("step", "streamTeleportV1");
    ObjectNode untyped = stored.deepCopy();
    ((ObjectNode) untyped.get("root")).remove("step");
    ObjectNode invalid = stored.deepCopy();
    ((ObjectNode) invalid.get("root")).putArray("schema");

    assertEquals(
        "the stored plan has format version 2, and this server reads version 1 only",
        problem(newer));
    assertEquals(
        "the stored plan has a step of unknown type 'streamTeleportV1'", problem(unknownStep));
    assertEquals("the stored plan has a step without a type", problem(untyped));
    assertEquals("the stored plan has no format version", problem(json.createObjectNode()));
    assertEquals("the stored plan has no format version", problem(json.createArrayNode()));
    assertTrue(
        problem(invalid).startsWith("the stored plan is not a valid plan: "), problem(invalid));
  }

  private static String problem(JsonNode stored) {
    return assertThrows(UnreadablePlanException.class, () -> PlanJson.read(stored)).getMessage();
  }

  /** A stream read, re-projected and written. */
  private static PlanStep smallPlan() {
    LogicalSchema schema =
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)), List.of(new Column("NAME", SqlType.STRING)));
    Formats formats = new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());
    PlanStep source =
        new PlanStep.StreamSource(
            "in", formats, schema, Optional.empty(), Optional.empty(), schema);
    PlanStep select =
        new PlanStep.StreamSelect(
            source,
            List.of(
                new Expr.FunctionCall(
                    "UCASE",
                    List.of(new Expr.ColumnRef(0, "NAME", SqlType.STRING)),
                    SqlType.STRING)),
            schema);
    return new PlanStep.StreamSink(select, "out", formats, schema);
  }
}
