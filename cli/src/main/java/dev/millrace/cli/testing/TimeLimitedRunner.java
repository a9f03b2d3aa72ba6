package dev.millrace.cli.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tests one at a time on a worker thread, each within a time limit. A test that hangs or
 * crashes becomes an ERROR result for that test alone; after a timeout the stuck worker is
 * abandoned (it is a daemon thread) and a fresh one runs the next test.
 */
final class TimeLimitedRunner implements AutoCloseable {
  private final long limitMillis;
  private ExecutorService worker = newWorker();

  TimeLimitedRunner(long limitMillis) {
    this.limitMillis = limitMillis;
  }

  CaseResult run(String file, String test, Callable<CaseResult> body) {
    Future<CaseResult> result = worker.submit(body);
    try {
      return result.get(limitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      result.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      return new CaseResult(
          file, test, CaseResult.Status.ERROR, "timed out after " + limitMillis + " ms");
    } catch (ExecutionException crashed) {
      return CaseResult.error(file, test, crashed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new CaseResult(file, test, CaseResult.Status.ERROR, "interrupted");
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "test-case");
          thread.setDaemon(true);
          return thread;
        });
  }
}
