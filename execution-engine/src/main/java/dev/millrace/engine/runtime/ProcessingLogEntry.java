package dev.millrace.engine.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.List;

/**
 * One record of the processing-log topic, written as a JSON object with upper-case field names so
 * that SQL can read the topic as a stream (MILLRACE_PROCESSING_LOG) with the columns of {@link
 * #SCHEMA}: {@code QUERY_ID STRING, ERROR_TYPE STRING, SOURCE_TOPIC STRING, SOURCE_PARTITION INT,
 * SOURCE_OFFSET BIGINT, MESSAGE STRING}. The record key is null and its timestamp is when the error
 * was logged. Messages name the problem, never the record's data.
 */
public record ProcessingLogEntry(
    @JsonProperty("QUERY_ID") String queryId,
    @JsonProperty("ERROR_TYPE") String errorType,
    @JsonProperty("SOURCE_TOPIC") String sourceTopic,
    @JsonProperty("SOURCE_PARTITION") int sourcePartition,
    @JsonProperty("SOURCE_OFFSET") long sourceOffset,
    @JsonProperty("MESSAGE") String message) {

  /** The columns of the processing-log stream (no key columns), as the JSON above holds them. */
  public static final LogicalSchema SCHEMA =
      new LogicalSchema(
          List.of(),
          List.of(
              new Column("QUERY_ID", SqlType.STRING),
              new Column("ERROR_TYPE", SqlType.STRING),
              new Column("SOURCE_TOPIC", SqlType.STRING),
              new Column("SOURCE_PARTITION", SqlType.INTEGER),
              new Column("SOURCE_OFFSET", SqlType.BIGINT),
              new Column("MESSAGE", SqlType.STRING)));

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The entry for {@code error} in query {@code queryId}, naming the Kafka topic {@code topic}. */
  public static ProcessingLogEntry of(String queryId, String topic, ProcessingError error) {
    return new ProcessingLogEntry(
        queryId, error.kind().name(), topic, error.partition(), error.offset(), error.message());
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a processing log entry as JSON", e);
    }
  }

  public static ProcessingLogEntry fromJson(byte[] json) {
    try {
      return JSON.readValue(json, ProcessingLogEntry.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a processing log entry: " + e.getMessage(), e);
    }
  }
}
