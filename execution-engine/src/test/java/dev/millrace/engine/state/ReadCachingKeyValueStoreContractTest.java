package dev.millrace.engine.state;

/** The store contract holds through the read cache, even one too small to keep anything. */
class ReadCachingKeyValueStoreContractTest extends KeyValueStoreContract {
  @Override
  protected KeyValueStore newStore(String name) {
    return new ReadCachingKeyValueStore(new InMemoryKeyValueStore(name), 256);
  }
}
