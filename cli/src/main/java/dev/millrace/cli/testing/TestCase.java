package dev.millrace.cli.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One compatibility case in the JSON shape of ksqlDB's query-validation tests: statements run in a
 * fresh session, input records, and the output records expected on each named topic.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestCase(
    String name,
    List<String> statements,
    Map<String, Object> properties,
    List<TopicSpec> topics,
    List<TestRecord> inputs,
    List<TestRecord> outputs,
    JsonNode expectedException,
    JsonNode post,
    List<String> requires) {

  public TestCase {
    statements = statements == null ? List.of() : List.copyOf(statements);
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    topics = topics == null ? List.of() : List.copyOf(topics);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    requires = requires == null ? List.of() : List.copyOf(requires);
  }

  public boolean expectsError() {
    return expectedException != null && !expectedException.isNull();
  }

  /**
   * A topic that exists before the statements run, with the schemas a registry holds for its keys
   * and values ({@code keySchema}/{@code valueSchema}: Avro or JSON schemas as JSON, Protobuf as
   * text), under the given ids when the case names them, and the schemas they import ({@code
   * keySchemaReferences}/{@code valueSchemaReferences}).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TopicSpec(
      String name,
      Integer partitions,
      String keyFormat,
      String valueFormat,
      JsonNode keySchema,
      JsonNode valueSchema,
      Integer keySchemaId,
      Integer valueSchemaId,
      List<SchemaReferenceSpec> keySchemaReferences,
      List<SchemaReferenceSpec> valueSchemaReferences) {
    public TopicSpec {
      keySchemaReferences =
          keySchemaReferences == null ? List.of() : List.copyOf(keySchemaReferences);
      valueSchemaReferences =
          valueSchemaReferences == null ? List.of() : List.copyOf(valueSchemaReferences);
    }
  }

  /**
   * A schema a topic's schema imports: the name it is imported by (a {@code .proto} file name), its
   * format and the schema itself, shaped as topic schemas are.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SchemaReferenceSpec(String name, String format, JsonNode schema) {}
}
