package dev.millrace.server.service;

import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * What of one persistent query runs on this server now, as the server tells the others of its
 * service.
 *
 * @param activePartitions the input partitions of the query's tasks here, by topic
 * @param stores the query's state stores as held here, by store name
 * @param table the store of the table the query materialises for pull queries, if it does
 */
public record LocalQueryState(
    SortedMap<String, SortedSet<Integer>> activePartitions,
    SortedMap<String, StoreState> stores,
    Optional<String> table) {

  public LocalQueryState {
    activePartitions = new TreeMap<>(activePartitions);
    stores = new TreeMap<>(stores);
  }

  /**
   * One state store as held here.
   *
   * @param changelog the store's changelog topic
   * @param partitions the store's partition count in all
   * @param lags per partition held here (restored, or being restored), how far its copy here is
   *     behind its changelog
   */
  public record StoreState(String changelog, int partitions, SortedMap<Integer, StoreLag> lags) {
    public StoreState {
      lags = new TreeMap<>(lags);
    }
  }

  /**
   * How far one partition's copy of a store is behind its changelog, in Kafka Streams' terms: an
   * active copy that is restored is at the end; a copy being restored is where its restore is.
   *
   * @param restored whether the copy is restored and readable here
   */
  public record StoreLag(
      long currentOffsetPosition, long endOffsetPosition, long offsetLag, boolean restored) {}
}
