package dev.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.client.MillraceClient;
import dev.millrace.cli.client.MillraceClientException;
import dev.millrace.cli.client.ServerErrorException;
import dev.millrace.cli.client.TopicLines;
import dev.millrace.cli.command.LocalCommand.DefineVariable;
import dev.millrace.cli.command.LocalCommand.Exit;
import dev.millrace.cli.command.LocalCommand.Help;
import dev.millrace.cli.command.LocalCommand.RunScript;
import dev.millrace.cli.command.LocalCommand.SetProperty;
import dev.millrace.cli.command.LocalCommand.Spool;
import dev.millrace.cli.command.LocalCommand.UndefineVariable;
import dev.millrace.cli.command.LocalCommand.UnsetProperty;
import dev.millrace.cli.render.EntityRenderer;
import dev.millrace.parser.ParseException;
import dev.millrace.parser.VariableSubstitution;
import dev.millrace.server.service.PropertyValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs statements for the shell and for batch mode: shell commands here, queries and PRINT through
 * {@code /query-stream}, everything else through {@code /ksql}, with the session's properties and
 * variables (DEFINE) sent along. Results and errors go to the {@link ShellOutput}; errors are
 * single readable lines.
 */
public final class StatementRunner {

  /** How a statement (or script) ended. */
  public enum Outcome {
    OK,
    FAILED,
    EXIT
  }

  /** RUN SCRIPT may call RUN SCRIPT, but a script that runs itself must stop somewhere. */
  private static final int MAX_SCRIPT_DEPTH = 16;

  private final MillraceClient client;
  private final ShellOutput out;
  private final QueryPrinter queries;
  private final Interrupts interrupts;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<String, String> variables = new LinkedHashMap<>();
  private int scriptDepth;

  public StatementRunner(MillraceClient client, ShellOutput out, Interrupts interrupts) {
    this.client = client;
    this.out = out;
    this.queries = new QueryPrinter(out, interrupts);
    this.interrupts = interrupts;
  }

  /** The session's properties, as SET them, in the order set. */
  public Map<String, String> properties() {
    return Map.copyOf(properties);
  }

  /**
   * Runs each statement of {@code text} in order, stopping at the first that fails or exits. A last
   * statement without its {@code ;} is run too.
   */
  public Outcome runScript(String text) {
    StatementSplitter.Split split = StatementSplitter.split(text);
    List<String> statements = new ArrayList<>(split.statements());
    if (!split.remainder().isEmpty()) {
      statements.add(split.remainder());
    }
    for (String statement : statements) {
      Outcome outcome = run(statement);
      if (outcome != Outcome.OK) {
        return outcome;
      }
    }
    return Outcome.OK;
  }

  /** Runs one statement. */
  public Outcome run(String statement) {
    try {
      Optional<LocalCommand> local = LocalCommand.parse(statement);
      if (local.isPresent()) {
        return runLocal(local.get());
      }
      String sql = statement.strip().endsWith(";") ? statement.strip() : statement.strip() + ";";
      if (StatementSplitter.firstKeyword(sql).equals("SELECT")) {
        queries.print(client.query(sql, properties, variables));
        return Outcome.OK;
      }
      if (StatementSplitter.firstKeyword(sql).equals("PRINT")) {
        printTopic(client.print(sql, properties, variables));
        return Outcome.OK;
      }
      return printEntities(client.execute(sql, properties, variables));
    } catch (ServerErrorException e) {
      printEntities(e.entities());
      return fail(e.getMessage());
    } catch (MillraceClientException | LocalCommandException e) {
      return fail(e.getMessage());
    }
  }

  /** Prints a PRINT's lines as they come, until its LIMIT or Ctrl-C. */
  private void printTopic(TopicLines lines) throws MillraceClientException {
    try (lines;
        Interrupts.Registration ctrlC = interrupts.onInterrupt(lines::close)) {
      Optional<String> line;
      while ((line = lines.nextLine()).isPresent()) {
        out.println(line.get());
      }
    }
    if (lines.isClosed()) {
      out.println("Topic printing ceased");
    }
  }

  private Outcome runLocal(LocalCommand command) {
    // Java 17 has no pattern switch yet; the sealed interface keeps this list complete.
    if (command instanceof Exit) {
      return Outcome.EXIT;
    } else if (command instanceof Help) {
      out.print(HelpText.TEXT);
      return Outcome.OK;
    } else if (command instanceof SetProperty set) {
      Optional<String> problem = PropertyValues.problem(set.name(), set.value());
      if (problem.isPresent()) {
        return fail(problem.get());
      }
      properties.put(set.name(), set.value());
      out.println("Property '" + set.name() + "' set to '" + set.value() + "' for this session.");
      return Outcome.OK;
    } else if (command instanceof UnsetProperty unset) {
      boolean was = properties.remove(unset.name()) != null;
      out.println("Property '" + unset.name() + (was ? "' unset." : "' was not set."));
      return Outcome.OK;
    } else if (command instanceof DefineVariable define) {
      // The value may use the variables defined before it, as on the server.
      String value;
      try {
        value = VariableSubstitution.apply(define.value(), variables);
      } catch (ParseException undefined) {
        return fail(undefined.reason());
      }
      variables.keySet().removeIf(name -> name.equalsIgnoreCase(define.name()));
      variables.put(define.name(), value);
      return Outcome.OK;
    } else if (command instanceof UndefineVariable undefine) {
      if (!variables.keySet().removeIf(name -> name.equalsIgnoreCase(undefine.name()))) {
        out.println("Variable '" + undefine.name() + "' was not defined.");
      }
      return Outcome.OK;
    } else if (command instanceof Spool spool) {
      return spool(spool);
    } else {
      return runScript((RunScript) command);
    }
  }

  private Outcome spool(Spool spool) {
    if (spool.file().isEmpty()) {
      out.println(out.stopSpool() ? "Spooling stopped." : "Not spooling.");
      return Outcome.OK;
    }
    // Announced before it starts, as the end is announced after it stops: the file holds only
    // results.
    out.println("Spooling output to " + spool.file().get() + ".");
    try {
      out.spoolTo(spool.file().get());
    } catch (IOException e) {
      return fail("Cannot spool to " + spool.file().get() + ": " + e.getMessage());
    }
    return Outcome.OK;
  }

  private Outcome runScript(RunScript script) {
    if (scriptDepth >= MAX_SCRIPT_DEPTH) {
      return fail(
          "RUN SCRIPT nested more than " + MAX_SCRIPT_DEPTH + " deep: does a script run itself?");
    }
    String text;
    try {
      text = ScriptFiles.read(script.file());
    } catch (IOException e) {
      return fail(e.getMessage());
    }
    scriptDepth++;
    try {
      return runScript(text);
    } finally {
      scriptDepth--;
    }
  }

  private Outcome printEntities(List<JsonNode> entities) {
    for (JsonNode entity : entities) {
      String type = entity.path("@type").asText();
      if (type.endsWith("_error") || type.equals("error")) {
        return fail(entity.path("message").asText("The server reported an error"));
      }
      out.print(EntityRenderer.render(entity, out.width()));
    }
    return Outcome.OK;
  }

  private Outcome fail(String message) {
    out.println(message);
    return Outcome.FAILED;
  }
}
