package dev.millrace.server.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The property overrides and variables in force for a run of statements: a REST request's {@code
 * streamsProperties} and {@code sessionVariables}, or a test case's whole run. SET, UNSET, DEFINE
 * and UNDEFINE change it for the statements that follow.
 *
 * @param authorization the {@code Authorization} header the request came with, passed on when a
 *     pull query asks other servers of the service for their partitions
 */
public record Session(
    Map<String, Object> properties, Map<String, String> variables, Optional<String> authorization) {

  /** A fresh session starting from the given overrides and variables (copied, then changeable). */
  public static Session of(Map<String, Object> properties, Map<String, ?> variables) {
    return of(properties, variables, Optional.empty());
  }

  /** A fresh session of a request that came with the given {@code Authorization} header. */
  public static Session of(
      Map<String, Object> properties, Map<String, ?> variables, Optional<String> authorization) {
    Map<String, String> vars = new LinkedHashMap<>();
    variables.forEach((k, v) -> vars.put(k, String.valueOf(v)));
    return new Session(new LinkedHashMap<>(properties), vars, authorization);
  }

  /** DEFINE: sets a variable; names are case-insensitive, as in ksqlDB. */
  public void define(String name, String value) {
    undefine(name);
    variables.put(name, value);
  }

  /** UNDEFINE: removes a variable, whatever the case it was defined in; false if there was none. */
  public boolean undefine(String name) {
    return variables.keySet().removeIf(defined -> defined.equalsIgnoreCase(name));
  }

  /** The overrides as strings, as the command log stores them. */
  public Map<String, String> propertyStrings() {
    Map<String, String> strings = new TreeMap<>();
    properties.forEach((k, v) -> strings.put(k, String.valueOf(v)));
    return strings;
  }
}
