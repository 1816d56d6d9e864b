package org.scalesweep.jobs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders a report's figures on the driver's cores at once. Each figure is an independent chart
 * written to its own PNG and SVG files, so the order of rendering changes no byte; the list comes
 * back in the order the tasks were given (the order of the report's sections).
 */
final class FigureTasks {
  /** One figure: builds its chart, writes its files, describes it. */
  @FunctionalInterface
  interface Task {
    Figure make() throws IOException;
  }

  private FigureTasks() {}

  /** Runs the tasks on up to one thread per available processor; the first failure is rethrown. */
  static List<Figure> run(List<Task> tasks) throws IOException {
    int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
    if (threads == 1) {
      List<Figure> out = new ArrayList<>();
      for (Task t : tasks) {
        out.add(t.make());
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "scalesweep-figures");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Figure>> futures = new ArrayList<>();
      for (Task t : tasks) {
        futures.add(pool.submit(t::make));
      }
      List<Figure> out = new ArrayList<>();
      for (Future<Figure> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering figures", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }
}
