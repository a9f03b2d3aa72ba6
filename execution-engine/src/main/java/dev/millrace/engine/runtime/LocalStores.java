package dev.millrace.engine.runtime;

import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.state.RestoreProgress;
import java.util.List;
import java.util.Optional;

/**
 * This instance's readable copies of one state store of a running query, for reads from other
 * threads (pull queries). A task's copy is listed only once it is restored and while this instance
 * owns the task's partition, so the copies listed are each a whole partition of the table.
 *
 * @param stores the restored copies owned here, one per partition
 * @param partitions the store's partition count in all (0 when the query is not running)
 * @param restoring the restore of this store under way here, if any
 */
public record LocalStores(
    List<KeyValueStore> stores, int partitions, Optional<RestoreProgress> restoring) {

  public LocalStores {
    stores = List.copyOf(stores);
  }

  /** Every partition of the store is restored and owned here: reads see the whole table. */
  public boolean complete() {
    return partitions > 0 && stores.size() == partitions;
  }
}
