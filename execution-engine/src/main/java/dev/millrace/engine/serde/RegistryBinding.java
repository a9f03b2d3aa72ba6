package dev.millrace.engine.serde;

import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;

/**
 * Where a serde of a registry format finds its schemas: the registry and the topic whose {@code
 * -key} or {@code -value} subject it writes under.
 */
public record RegistryBinding(SchemaRegistry registry, String topic) {
  /** For serdes of formats that need no registry. */
  public static final RegistryBinding NONE =
      new RegistryBinding(UnconfiguredSchemaRegistry.INSTANCE, "");

  String subject(boolean key) {
    return SchemaRegistry.subject(topic, key);
  }
}
