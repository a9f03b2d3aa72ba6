package dev.millrace.server.service;

import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.ast.Query;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless mode ({@code ksql.queries.file}): the server runs a file's statements at every start, in
 * order, in one session (a SET or DEFINE applies to the statements after it), instead of accepting
 * statements over REST and replaying its command log. The same statements give the same query ids
 * at each start, so restarted queries carry on from their committed offsets and state.
 */
public final class QueriesFile {
  /** The server setting naming the file. */
  public static final String CONFIG = "ksql.queries.file";

  private QueriesFile() {}

  /**
   * Runs every statement of {@code file}; returns how many ran.
   *
   * @throws IllegalArgumentException naming the file, the statement's line:column and the reason,
   *     when the file cannot be read or a statement fails (those before it stay in effect)
   */
  public static int run(StatementEngine engine, Path file) {
    String sql;
    try {
      sql = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + CONFIG + " " + file + ": " + e.getMessage(), e);
    }
    Session session = Session.of(Map.of(), Map.of());
    int ran = 0;
    for (ParsedStatement statement : parse(engine, file, sql, session)) {
      try {
        if (statement.statement() instanceof Query) {
          throw new EngineException(
              ErrorCode.BAD_STATEMENT,
              "a queries file holds statements that run unattended; a SELECT has no one to answer",
              statement.text());
        }
        engine.execute(statement, session);
        ran++;
      } catch (EngineException failed) {
        throw failure(file, located(statement, failed.getMessage()), failed);
      }
    }
    return ran;
  }

  private static List<ParsedStatement> parse(
      StatementEngine engine, Path file, String sql, Session session) {
    try {
      return engine.parse(sql, session);
    } catch (EngineException syntax) {
      throw failure(file, syntax.getMessage(), syntax);
    }
  }

  /** The message with the statement's position in the file in front, unless it says one already. */
  private static String located(ParsedStatement statement, String message) {
    return message.startsWith("line ") ? message : statement.location().describe() + ": " + message;
  }

  private static IllegalArgumentException failure(Path file, String message, Exception cause) {
    return new IllegalArgumentException(CONFIG + " " + file + ": " + message, cause);
  }
}
