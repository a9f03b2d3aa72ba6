package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs every case of JSON case files, each in its own fresh session, one at a time. A case that
 * hangs is stopped waiting for after a time limit and reported as an ERROR; the run goes on.
 */
public final class CaseFileRunner {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

  private final CaseRunner cases;
  private final long caseTimeoutMillis;

  public CaseFileRunner(CaseRunner cases, long caseTimeoutMillis) {
    this.cases = cases;
    this.caseTimeoutMillis = caseTimeoutMillis;
  }

  /** Reads a case file; a file that cannot be read becomes one ERROR result. */
  public List<CaseResult> run(Path file, Consumer<CaseResult> onResult) {
    String fileName = file.getFileName().toString();
    CaseFile cases;
    try {
      cases = JSON.readValue(file.toFile(), CaseFile.class);
    } catch (IOException unreadable) {
      CaseResult error = new CaseResult(fileName, "(file)", CaseResult.Status.ERROR, "cannot read " + file + ": " + unreadable.getMessage());
      onResult.accept(error);
      return List.of(error);
    }
    List<CaseResult> results = new ArrayList<>();
    ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
    try {
      for (TestCase test : cases.tests()) {
        CaseResult result = runWithTimeout(worker, fileName, test);
        if (result.status() == CaseResult.Status.ERROR && result.message().startsWith("timed out")) {
          worker.shutdownNow();
          worker = Executors.newSingleThreadExecutor(daemon());
        }
        results.add(result);
        onResult.accept(result);
      }
    } finally {
      worker.shutdownNow();
    }
    return results;
  }

  private CaseResult runWithTimeout(ExecutorService worker, String file, TestCase test) {
    Future<CaseResult> result = worker.submit(() -> this.cases.run(file, test));
    try {
      return result.get(caseTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      result.cancel(true);
      return new CaseResult(file, test.name(), CaseResult.Status.ERROR, "timed out after " + caseTimeoutMillis + " ms");
    } catch (ExecutionException crashed) {
      Throwable cause = crashed.getCause();
      return new CaseResult(file, test.name(), CaseResult.Status.ERROR, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new CaseResult(file, test.name(), CaseResult.Status.ERROR, "interrupted");
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "test-case");
      thread.setDaemon(true);
      return thread;
    };
  }
}
