package org.scalesweep.jobs.pipeline;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.scalesweep.jobs.spark.JobCounter;

/**
 * Where a command's time goes, for the stage profile in docs/PERFORMANCE.md: with the environment
 * variable {@code SCALESWEEP_PROFILE=1} each mark prints one line on stderr with the wall-clock
 * seconds since the JVM started, since the previous mark, and the process's CPU seconds (all
 * threads, JIT and GC included) spent in between. Off by default: nothing is printed and nothing is
 * measured.
 */
public final class Timeline {
  private static final boolean ON = "1".equals(System.getenv("SCALESWEEP_PROFILE"));
  private static long lastWallMs = -1;
  private static long lastCpuNs;
  private static JobCounter counter;

  private Timeline() {}

  /** Whether marks print (SCALESWEEP_PROFILE=1). */
  public static boolean enabled() {
    return ON;
  }

  /** Prints the time spent up to now in {@code phase} (since the previous mark, or since the JVM started). */
  public static synchronized void mark(String phase, PrintStream out) {
    if (!ON) {
      return;
    }
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    long now = System.currentTimeMillis();
    long cpu = cpuNanos();
    long since = lastWallMs < 0 ? start : lastWallMs;
    out.printf(Locale.ROOT, "[profile] %-28s %7.2f s wall, %7.2f CPU-s (at %.2f s since JVM start)%n", phase,
        (now - since) / 1e3, (cpu - lastCpuNs) / 1e9, (now - start) / 1e3);
    lastWallMs = now;
    lastCpuNs = cpu;
  }

  /** The session's job counter while a pipeline runs (null: none). */
  static synchronized void count(JobCounter c) {
    counter = c;
  }

  /** Prints the Spark jobs and tasks since the previous such line (when profiling a pipeline). */
  public static synchronized void spark(PrintStream out) {
    if (ON && counter != null) {
      out.printf(Locale.ROOT, "[profile]   %s%n", counter.sinceLast());
    }
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }
}
