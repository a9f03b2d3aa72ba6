package dev.millrace.bench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.bench.data.DataGenerator;
import dev.millrace.bench.data.DataSet;
import dev.millrace.bench.data.Topics;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.testing.TestDriver;
import dev.millrace.engine.testing.TestRecord;
import dev.millrace.server.offline.InMemoryBackend;
import dev.millrace.server.service.CommandSink;
import dev.millrace.server.service.Session;
import dev.millrace.server.service.StatementEngine;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each job's SQL on Millrace's offline driver, over a few hundred generated records: it must stay
 * valid as the engine changes, and write the output the benchmark waits for.
 */
class MillraceQueriesTest {
  private static final int VIEWS = 300;
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();

  private final InMemoryBackend backend = new InMemoryBackend(FUNCTIONS);
  private final StatementEngine engine =
      new StatementEngine(backend, CommandSink.NONE, FUNCTIONS, Map.of(), true);

  @ParameterizedTest
  @EnumSource(Job.class)
  void writesTheOutputTheBenchmarkWaitsFor(Job job) {
    List<TestRecord> output = run(job);

    assertEquals(job.expectedOutputs(loadedData()), output.size());
  }

  @Test
  void everyPageviewFindsItsUser() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (TestRecord record : run(Job.JOIN)) {
      JsonNode value = json.readTree(record.value());
      assertEquals("Region_", value.get("REGIONID").asText().substring(0, 7), value.toString());
    }
  }

  private List<TestRecord> run(Job job) {
    TestDriver driver = backend.driver();
    driver.createTopic(Topics.PAGEVIEWS, Topics.PARTITIONS);
    driver.createTopic(Topics.USERS, Topics.PARTITIONS);
    MillraceQueries.sources().forEach(this::execute);
    if (job == Job.FILTER_AVRO) {
      // As the benchmark does: the AVRO copy is complete before its stream is declared.
      execute(MillraceQueries.toAvro(Topics.PAGEVIEWS_AVRO));
      pipeData(driver);
      execute(MillraceQueries.avroSource());
      execute(MillraceQueries.query(job, "output"));
    } else {
      execute(MillraceQueries.query(job, "output"));
      pipeData(driver);
    }
    return backend.records("output");
  }

  private static void pipeData(TestDriver driver) {
    DataGenerator generator = new DataGenerator(42);
    generator.users(
        user -> driver.pipeInput(Topics.USERS, user.key(), user.json(), user.registertime()));
    generator.pageviews(
        VIEWS,
        view -> driver.pipeInput(Topics.PAGEVIEWS, view.key(), view.json(), view.viewtime()));
  }

  private DataSet loadedData() {
    long[] longViews = {0};
    new DataGenerator(42)
        .pageviews(
            VIEWS,
            view -> longViews[0] += view.durationMs() >= DataGenerator.MIN_DURATION_MS ? 1 : 0);
    return new DataSet(VIEWS, 0, longViews[0], DataGenerator.USERS);
  }

  private void execute(String sql) {
    engine.execute(
        engine.parse(sql).get(0),
        Session.of(MillraceQueries.session(Guarantee.EXACTLY_ONCE_V2), Map.of()));
  }
}
