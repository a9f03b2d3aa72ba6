package dev.millrace.engine.runtime;

import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.state.RestoreProgress;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * This instance's readable copies of one state store of a running query, for reads from other
 * threads (pull queries). A task's copy is listed only once it is restored and while this instance
 * owns the task's partition, so the copies listed are each a whole partition of the table.
 *
 * @param owned the restored copies owned here, by partition
 * @param partitions the store's partition count in all (0 when the query is not running)
 * @param restoring the restore of this store under way here, if any
 */
public record LocalStores(
    SortedMap<Integer, KeyValueStore> owned, int partitions, Optional<RestoreProgress> restoring) {

  public LocalStores {
    owned = new TreeMap<>(owned);
  }

  /** Copies of a store not running here. */
  static LocalStores none() {
    return new LocalStores(new TreeMap<>(), 0, Optional.empty());
  }

  /** The restored copies owned here, in partition order. */
  public List<KeyValueStore> stores() {
    return List.copyOf(owned.values());
  }

  /** Every partition of the store is restored and owned here: reads see the whole table. */
  public boolean complete() {
    return partitions > 0 && owned.size() == partitions;
  }
}
