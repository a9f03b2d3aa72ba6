package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The wire-format header of a registry format. Writing puts it before each record: the schema id a
 * source names, else the id the registry gives the columns' schema, registered under the topic's
 * subject on the first write only, followed by the format's own bytes (Protobuf's message indexes).
 * Reading checks it: the magic byte, and a schema id the registry knows, as Confluent's
 * deserializers do, so that a record written against another registry is reported, not misread.
 */
final class RegisteredHeader {
  private final RegistryBinding binding;
  private final boolean key;
  private final OptionalInt schemaId;
  private final Supplier<RegisteredSchema> schema;
  private final IntFunction<byte[]> suffix;
  private final Set<Integer> knownIds = ConcurrentHashMap.newKeySet();
  private volatile byte[] header;

  RegisteredHeader(
      RegistryBinding binding,
      boolean key,
      OptionalInt schemaId,
      Supplier<RegisteredSchema> schema) {
    this(binding, key, schemaId, schema, id -> new byte[0]);
  }

  /**
   * A header followed by the format's own bytes, which depend on the schema written with: {@code
   * suffix} gives them for a schema id.
   */
  RegisteredHeader(
      RegistryBinding binding,
      boolean key,
      OptionalInt schemaId,
      Supplier<RegisteredSchema> schema,
      IntFunction<byte[]> suffix) {
    this.binding = binding;
    this.key = key;
    this.schemaId = schemaId;
    this.schema = schema;
    this.suffix = suffix;
    binding.registry().checkAvailable();
  }

  /** {@code body} behind the header. */
  byte[] frame(byte[] body) {
    byte[] prefix = header();
    byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  /**
   * Checks the header of a record read in {@code format}.
   *
   * @throws SerdeException if the magic byte is wrong or the registry has no schema with the id
   */
  void check(byte[] record, String format) {
    int id = RegistryWire.schemaId(record, format);
    if (!knownIds.contains(id)) {
      if (binding.registry().byId(id).isEmpty()) {
        throw new SerdeException(
            "Failed to deserialize "
                + format
                + ": schema id "
                + id
                + " is not in the schema registry");
      }
      knownIds.add(id);
    }
  }

  private byte[] header() {
    byte[] h = header;
    if (h == null) {
      int id =
          schemaId.isPresent()
              ? schemaId.getAsInt()
              : binding.registry().register(binding.subject(key), schema.get());
      byte[] wire = RegistryWire.header(id);
      byte[] tail = suffix.apply(id);
      h = Arrays.copyOf(wire, wire.length + tail.length);
      System.arraycopy(tail, 0, h, wire.length, tail.length);
      header = h;
    }
    return h;
  }
}
