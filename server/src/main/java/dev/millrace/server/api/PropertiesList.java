package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code SHOW PROPERTIES}.
 *
 * @param overwrittenProperties names of properties the request or session overrode
 * @param defaultProperties names of properties still at their default value
 */
public record PropertiesList(
    String statementText,
    List<Property> properties,
    List<String> overwrittenProperties,
    List<String> defaultProperties,
    List<Warning> warnings)
    implements KsqlEntity {

  /**
   * One property and its value, always as a string.
   *
   * @param scope {@code KSQL}, {@code STREAMS} or another component the property configures
   */
  public record Property(String name, String scope, String value) {}

  public PropertiesList {
    Objects.requireNonNull(statementText, "statementText");
    properties = Lists.copyOrEmpty(properties);
    overwrittenProperties = Lists.copyOrEmpty(overwrittenProperties);
    defaultProperties = Lists.copyOrEmpty(defaultProperties);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
