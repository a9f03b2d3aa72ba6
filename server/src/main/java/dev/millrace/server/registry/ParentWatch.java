package dev.millrace.server.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The entry point of the registry's process: runs the main class named by the first argument, and
 * exits when standard input ends. The server holds the other end of that pipe, so when the server
 * dies, even by {@code kill -9}, the operating system closes it and the registry stops instead of
 * living on as an orphan holding its port and database.
 */
public final class ParentWatch {
  private ParentWatch() {}

  public static void main(String[] args) throws Throwable {
    Thread watch = new Thread(() -> exitAtEnd(System.in), "millrace-parent-watch");
    watch.setDaemon(true);
    watch.start();
    try {
      Class.forName(args[0])
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (java.lang.reflect.InvocationTargetException failed) {
      throw failed.getCause();
    }
  }

  private static void exitAtEnd(InputStream parent) {
    try {
      while (parent.read() != -1) {
        // The server never writes; anything read is ignored.
      }
    } catch (IOException closed) {
      // A broken pipe means the same as its end: the server is gone.
    }
    System.exit(0);
  }
}
