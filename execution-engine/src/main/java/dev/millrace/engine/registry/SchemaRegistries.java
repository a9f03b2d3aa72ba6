package dev.millrace.engine.registry;

import java.util.Map;
import java.util.Optional;

/** The schema registry a server's configuration points at, if any. */
public final class SchemaRegistries {
  /** ksqlDB's property naming the registry's URL. */
  public static final String URL = "ksql.schema.registry.url";

  private SchemaRegistries() {}

  /** A client of the registry at {@value #URL}, or the unconfigured registry when it is not set. */
  public static SchemaRegistry fromConfig(Map<String, ?> properties) {
    return Optional.ofNullable(properties.get(URL))
        .map(Object::toString)
        .filter(url -> !url.isBlank())
        .<SchemaRegistry>map(HttpSchemaRegistry::new)
        .orElse(UnconfiguredSchemaRegistry.INSTANCE);
  }
}
