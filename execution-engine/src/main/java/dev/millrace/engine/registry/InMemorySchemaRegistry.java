package dev.millrace.engine.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry in memory, for the offline test runner: ids are given in registration order from 1 (as
 * the compatibility cases number them), the same schema keeps one id across subjects, and new
 * versions must be backward compatible with the latest one, as in Confluent's default.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
  private final Map<Integer, RegisteredSchema> byId = new HashMap<>();
  private final Map<RegisteredSchema, Integer> ids = new HashMap<>();
  private final Map<String, List<Integer>> subjects = new HashMap<>();
  private int lastId;

  @Override
  public synchronized int register(String subject, RegisteredSchema schema) {
    int id = ids.computeIfAbsent(schema, s -> ++lastId);
    byId.put(id, schema);
    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  /**
   * Registers the schema under the subject with a chosen id, as a test case that names its schema
   * ids does; later ids follow the highest one given.
   */
  public synchronized void registerWithId(String subject, RegisteredSchema schema, int id) {
    RegisteredSchema existing = byId.get(id);
    if (existing != null && !existing.equals(schema)) {
      throw new SchemaRegistryException("Schema id " + id + " is already taken by another schema");
    }
    byId.put(id, schema);
    ids.putIfAbsent(schema, id);
    subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    lastId = Math.max(lastId, id);
  }

  @Override
  public synchronized Optional<RegisteredSchema> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<SubjectVersion> latest(String subject) {
    return version(subject, LATEST);
  }

  @Override
  public synchronized Optional<SubjectVersion> version(String subject, int version) {
    List<Integer> versions = subjects.getOrDefault(subject, List.of());
    int number = version == LATEST ? versions.size() : version;
    if (number < 1 || number > versions.size()) {
      return Optional.empty();
    }
    int id = versions.get(number - 1);
    return Optional.of(new SubjectVersion(subject, number, id, byId.get(id)));
  }

  @Override
  public boolean isCompatible(String subject, RegisteredSchema schema) {
    return latest(subject)
        .map(latest -> Compatibility.backward(schema, latest.schema()))
        .orElse(true);
  }
}
