package dev.millrace.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.cli.command.LocalCommand.Exit;
import dev.millrace.cli.command.LocalCommand.Help;
import dev.millrace.cli.command.LocalCommand.RunScript;
import dev.millrace.cli.command.LocalCommand.SetProperty;
import dev.millrace.cli.command.LocalCommand.Spool;
import dev.millrace.cli.command.LocalCommand.UnsetProperty;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalCommandTest {

  @Test
  void recognisesEachShellCommand() throws Exception {
    assertEquals(
        Optional.of(new RunScript(Path.of("my script.sql"))),
        LocalCommand.parse("run script 'my script.sql';"));
    assertEquals(
        Optional.of(new SetProperty("auto.offset.reset", "earliest")),
        LocalCommand.parse("SET 'auto.offset.reset'='earliest';"));
    assertEquals(
        Optional.of(new SetProperty("it's", "a 'quoted' value")),
        LocalCommand.parse("SET 'it''s' = 'a ''quoted'' value';"));
    assertEquals(
        Optional.of(new UnsetProperty("auto.offset.reset")),
        LocalCommand.parse("UNSET 'auto.offset.reset';"));
    assertEquals(
        Optional.of(new Spool(Optional.of(Path.of("out.txt")))),
        LocalCommand.parse("SPOOL 'out.txt';"));
    assertEquals(Optional.of(new Spool(Optional.empty())), LocalCommand.parse("spool off;"));
    assertEquals(Optional.of(new Help()), LocalCommand.parse("help"));
    assertEquals(Optional.of(new Exit()), LocalCommand.parse("EXIT;"));
    assertEquals(Optional.of(new Exit()), LocalCommand.parse("quit"));
  }

  @Test
  void serverStatementsAreNotShellCommands() throws Exception {
    assertEquals(Optional.empty(), LocalCommand.parse("SHOW STREAMS;"));
    assertEquals(Optional.empty(), LocalCommand.parse("SELECT * FROM S EMIT CHANGES;"));
    assertEquals(Optional.empty(), LocalCommand.parse("EXITS;"));
  }

  @Test
  void malformedShellCommandsSayTheExpectedForm() {
    LocalCommandException error =
        assertThrows(LocalCommandException.class, () -> LocalCommand.parse("SET foo = 1;"));

    assertEquals("Expected SET 'property' = 'value'; but got: SET foo = 1", error.getMessage());
    assertEquals(
        "Expected RUN SCRIPT 'file.sql'; but got: RUN SCRIPT x.sql",
        assertThrows(LocalCommandException.class, () -> LocalCommand.parse("RUN SCRIPT x.sql;"))
            .getMessage());
  }
}
