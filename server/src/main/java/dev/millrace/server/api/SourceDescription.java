package dev.millrace.server.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code DESCRIBE [EXTENDED] source} says about a stream or table.
 *
 * <p>The fields marked "extended" carry real values only when {@code extended} is true; otherwise
 * they hold empty strings, empty lists or zero, as ksqlDB sends them.
 *
 * @param windowType {@code TUMBLING}, {@code HOPPING} or {@code SESSION} for windowed sources,
 *     otherwise null
 * @param readQueries queries reading the source
 * @param writeQueries queries writing the source
 * @param fields the columns, key columns first, each marked {@code KEY} where it is one
 * @param type {@code STREAM} or {@code TABLE}
 * @param timestamp the column supplying record time, or an empty string for ROWTIME
 * @param statistics human-readable throughput statistics (extended)
 * @param errorStats human-readable error statistics (extended)
 * @param statisticsMap throughput statistics by metric name (extended)
 * @param errorStatsMap error statistics by metric name (extended)
 * @param partitions partitions of the backing topic (extended)
 * @param replication replication factor of the backing topic (extended)
 * @param statement the statement that created the source
 * @param queryOffsetSummaries consumer offsets of the queries reading the source (extended)
 * @param sourceConstraints sources that must be dropped before this one can be
 */
public record SourceDescription(
    String name,
    String windowType,
    List<RunningQuery> readQueries,
    List<RunningQuery> writeQueries,
    List<FieldInfo> fields,
    String type,
    String timestamp,
    String statistics,
    String errorStats,
    Map<String, Object> statisticsMap,
    Map<String, Object> errorStatsMap,
    boolean extended,
    String keyFormat,
    String valueFormat,
    String topic,
    int partitions,
    int replication,
    String statement,
    List<Object> queryOffsetSummaries,
    List<String> sourceConstraints) {

  public SourceDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    readQueries = Lists.copyOrEmpty(readQueries);
    writeQueries = Lists.copyOrEmpty(writeQueries);
    fields = Lists.copyOrEmpty(fields);
    timestamp = timestamp == null ? "" : timestamp;
    statistics = statistics == null ? "" : statistics;
    errorStats = errorStats == null ? "" : errorStats;
    statisticsMap = Lists.copyOrEmpty(statisticsMap);
    errorStatsMap = Lists.copyOrEmpty(errorStatsMap);
    statement = statement == null ? "" : statement;
    queryOffsetSummaries = Lists.copyOrEmpty(queryOffsetSummaries);
    sourceConstraints = Lists.copyOrEmpty(sourceConstraints);
  }
}
