package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code DESCRIBE FUNCTION name}.
 *
 * @param path where the function comes from: {@code internal} or the jar of a user function
 * @param functions one entry per signature
 * @param type {@code SCALAR}, {@code AGGREGATE} or {@code TABLE}
 */
public record FunctionDescriptionList(
    String statementText,
    String name,
    String description,
    String author,
    String version,
    String path,
    List<FunctionInfo> functions,
    String type,
    List<Warning> warnings)
    implements KsqlEntity {

  public FunctionDescriptionList {
    Objects.requireNonNull(statementText, "statementText");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    author = author == null ? "" : author;
    version = version == null ? "" : version;
    path = path == null ? "" : path;
    functions = Lists.copyOrEmpty(functions);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
