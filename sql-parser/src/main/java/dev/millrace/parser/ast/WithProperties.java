package dev.millrace.parser.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code WITH (...)} clause of a statement, in written order. Names are upper-cased and unique
 * (the parser rejects duplicates).
 */
public record WithProperties(List<Property> properties) {

  /** A statement without a WITH clause. */
  public static final WithProperties EMPTY = new WithProperties(List.of());

  public WithProperties {
    properties = List.copyOf(properties);
  }

  public boolean isEmpty() {
    return properties.isEmpty();
  }

  /** The property of this name (give it upper-cased), if present. */
  public Optional<Property> find(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The literal value of this property, if present. */
  public Optional<Literal> get(String name) {
    return find(name).map(Property::value);
  }

  /** Name to literal, in written order. */
  public Map<String, Literal> asMap() {
    Map<String, Literal> map = new LinkedHashMap<>();
    properties.forEach(p -> map.put(p.name(), p.value()));
    return Collections.unmodifiableMap(map);
  }
}
