package dev.millrace.engine.state;

/** The store contract holds through the changelogging decorator and its write buffer. */
class ChangeloggingKeyValueStoreContractTest extends KeyValueStoreContract {
  @Override
  protected KeyValueStore newStore(String name) {
    return new ChangeloggingKeyValueStore(
        new InMemoryKeyValueStore(name), new ChangelogPartition(name + "-changelog", 0));
  }
}
