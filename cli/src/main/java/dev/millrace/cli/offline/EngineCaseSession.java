package dev.millrace.cli.offline;

import dev.millrace.cli.testing.CaseSession;
import dev.millrace.cli.testing.TestCase;
import dev.millrace.cli.testing.TestRecord;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.serde.RegistryBinding;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.VariableSubstitution;
import dev.millrace.parser.ast.CreateType;
import dev.millrace.parser.ast.DefineVariable;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.server.offline.InMemoryBackend;
import dev.millrace.server.service.CommandSink;
import dev.millrace.server.service.DeclaredSchemas;
import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.Session;
import dev.millrace.server.service.StatementEngine;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A test case's session on a real Millrace engine over the in-memory test driver: the same parser,
 * planner and operators as the server, with topics and the schema registry in memory and no command
 * log.
 */
final class EngineCaseSession implements CaseSession {
  private final InMemorySchemaRegistry registry;
  private final InMemoryBackend backend;
  private final StatementEngine engine;
  private final Session session;
  private final FunctionRegistry functions;
  private final Map<String, String> serverProperties;

  EngineCaseSession(FunctionRegistry functions, Map<String, Object> properties) {
    Map<String, String> server = new TreeMap<>();
    properties.forEach((k, v) -> server.put(k, String.valueOf(v)));
    this.functions = functions;
    this.serverProperties = server;
    this.registry = new InMemorySchemaRegistry();
    this.backend = new InMemoryBackend(functions, registry);
    this.engine = new StatementEngine(backend, CommandSink.NONE, functions, server, true);
    this.session = Session.of(Map.of(), Map.of());
  }

  /**
   * Creates the case's topics with their partitions. A topic that gives none is left to be created
   * when needed, as ksqlDB's runner does: with the partitions of the statement that declares it,
   * else one. The schemas ksqlDB's runner registers before the statements are registered now (see
   * {@link TopicSchemas}): those of the topics, and those the CREATE statements declare with their
   * columns, planned on a scratch engine that runs only their CREATE TYPEs and DEFINEs.
   */
  @Override
  public void createTopics(TestCase test) {
    for (TestCase.TopicSpec topic : test.topics()) {
      if (topic.partitions() != null) {
        backend.createTopic(topic.name(), topic.partitions(), Optional.empty());
      }
    }
    TopicSchemas.register(registry, test, declaredSchemas(test));
  }

  private List<DeclaredSchemas> declaredSchemas(TestCase test) {
    List<DeclaredSchemas> declared = new ArrayList<>();
    InMemorySchemaRegistry scratchRegistry = new InMemorySchemaRegistry();
    TopicSchemas.register(scratchRegistry, test, List.of());
    try (StatementEngine scratch =
        new StatementEngine(
            new InMemoryBackend(functions, scratchRegistry),
            CommandSink.NONE,
            functions,
            serverProperties,
            true)) {
      Session scratchSession = Session.of(Map.of(), Map.of());
      for (String statement : test.statements()) {
        try {
          for (ParsedStatement parsed : scratch.parse(statement, scratchSession)) {
            if (parsed.statement() instanceof CreateType
                || parsed.statement() instanceof DefineVariable) {
              scratch.execute(parsed, scratchSession);
            } else {
              scratch.declaredSchemas(parsed, scratchSession).ifPresent(declared::add);
            }
          }
        } catch (RuntimeException notPlanned) {
          // A statement the engine rejects declares nothing; running it reports why.
        }
      }
    }
    return declared;
  }

  @Override
  public void execute(String statement) {
    try {
      for (ParsedStatement parsed : engine.parse(statement, session)) {
        engine.execute(parsed, session);
      }
    } catch (EngineException rejected) {
      throw new IllegalArgumentException(rejected.getMessage(), rejected);
    }
  }

  @Override
  public String substitute(String statement) {
    return VariableSubstitution.apply(statement, session.variables());
  }

  @Override
  public void pipe(TestRecord input) {
    Optional<DataSource> source = sourceOver(input.topic());
    byte[] key = keyBytes(source).encode(input.key(), input.window());
    byte[] value = valueBytes(source).encode(input.value(), null);
    long timestamp = input.timestamp() == null ? 0 : input.timestamp();
    if (!backend.topicExists(input.topic())) {
      backend.createTopic(input.topic(), 1, Optional.empty());
    }
    List<InputRecord.Header> headers = new ArrayList<>();
    for (TestRecord.HeaderSpec header : input.headers()) {
      byte[] bytes = header.value() == null ? null : Base64.getDecoder().decode(header.value());
      headers.add(new InputRecord.Header(header.key(), bytes));
    }
    backend.produce(input.topic(), key, value, timestamp, headers);
  }

  @Override
  public List<TestRecord> output(String topic) {
    Optional<DataSource> source = sourceOver(topic);
    RecordBytes keys = keyBytes(source);
    RecordBytes values = valueBytes(source);
    List<TestRecord> records = new ArrayList<>();
    for (var record : backend.records(topic)) {
      RecordBytes.Decoded key = keys.decode(record.key());
      records.add(
          new TestRecord(
              topic,
              key.spec(),
              values.decode(record.value()).spec(),
              record.timestamp(),
              key.window()));
    }
    return records;
  }

  @Override
  public Optional<SourceSummary> source(String name) {
    return engine.catalogSnapshot().source(name).map(EngineCaseSession::summary);
  }

  @Override
  public List<String> topics() {
    return backend.topics(true).stream().map(t -> t.name()).toList();
  }

  @Override
  public void close() {
    engine.close();
  }

  /** The source over the topic; a query's sink wins over a declared source of the same topic. */
  private Optional<DataSource> sourceOver(String topic) {
    return engine.catalogSnapshot().sources().stream()
        .filter(s -> s.topic().equals(topic))
        .max(Comparator.comparing(DataSource::createdByQuery));
  }

  private RecordBytes keyBytes(Optional<DataSource> source) {
    return source
        .map(
            s ->
                new RecordBytes(
                    s.formats().key(),
                    s.schema().key(),
                    s.formats().keyWindow(),
                    new RegistryBinding(registry, s.topic()),
                    true))
        .orElseGet(RecordBytes::schemaless);
  }

  private RecordBytes valueBytes(Optional<DataSource> source) {
    return source
        .map(
            s ->
                new RecordBytes(
                    s.formats().value(),
                    s.storedSchema().value(),
                    Optional.empty(),
                    new RegistryBinding(registry, s.topic()),
                    false))
        .orElseGet(RecordBytes::schemaless);
  }

  private static SourceSummary summary(DataSource source) {
    String keyKind = source.isTable() ? " PRIMARY KEY" : " KEY";
    List<String> columns = new ArrayList<>();
    source.schema().key().forEach(c -> columns.add(c.toSql() + keyKind));
    source
        .schema()
        .value()
        .forEach(
            c ->
                columns.add(
                    c.toSql()
                        + source.header(c.name()).map(h -> " " + h.constraintSql()).orElse("")));
    return new SourceSummary(
        source.isTable() ? "table" : "stream",
        String.join(", ", columns),
        source.formats().key().format(),
        source.formats().value().format(),
        source.formats().keyWindow().map(w -> w.type().name()),
        source.topic());
  }
}
