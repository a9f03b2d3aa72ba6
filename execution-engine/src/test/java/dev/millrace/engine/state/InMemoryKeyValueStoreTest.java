package dev.millrace.engine.state;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {
  @Override
  protected KeyValueStore newStore(String name) {
    return new InMemoryKeyValueStore(name);
  }
}
