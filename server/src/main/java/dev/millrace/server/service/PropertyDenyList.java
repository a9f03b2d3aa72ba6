package dev.millrace.server.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The properties a request may not set: those that make the server what it is (its service id, its
 * Kafka cluster, where it listens and keeps state), and those the operator lists in {@code
 * ksql.properties.overrides.denylist}. {@code GET /is_valid_property/{name}} asks this list.
 */
public record PropertyDenyList(Set<String> names) {

  /** The server setting listing further properties requests may not set, comma-separated. */
  public static final String CONFIG = "ksql.properties.overrides.denylist";

  private static final Set<String> SERVER_ONLY =
      Set.of(
          "ksql.service.id",
          "bootstrap.servers",
          "ksql.streams.bootstrap.servers",
          "listeners",
          "state.dir",
          "ksql.streams.state.dir",
          CONFIG);

  public PropertyDenyList {
    names = Set.copyOf(names);
  }

  /** The server-only properties and those the server configuration denies. */
  public static PropertyDenyList of(Map<String, String> serverProperties) {
    Set<String> names = new TreeSet<>(SERVER_ONLY);
    Arrays.stream(serverProperties.getOrDefault(CONFIG, "").split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .forEach(names::add);
    return new PropertyDenyList(names);
  }

  /** What is wrong with setting {@code properties}: the denied ones, named; empty when none is. */
  public Optional<String> problem(Collection<String> properties) {
    Set<String> denied =
        properties.stream().filter(names::contains).collect(Collectors.toCollection(TreeSet::new));
    return denied.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "One or more properties overrides set locally are prohibited by the KSQL server (use"
                + " UNSET to reset their default value): "
                + denied);
  }
}
