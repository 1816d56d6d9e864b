package org.scalesweep.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to do next after an unexpected failure: the usual causes of a failed run (memory, disk, an
 * unreachable master, a jar the executors lack), recognised anywhere in the cause chain.
 */
final class Hints {
  private Hints() {}

  static List<String> of(Throwable failure) {
    Set<String> out = new LinkedHashSet<>();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String msg = String.valueOf(t.getMessage());
      if (t instanceof OutOfMemoryError || msg.contains("OutOfMemoryError") || msg.contains("Java heap space")) {
        out.add("the JVM ran out of memory: give it more (SCALESWEEP_JAVA_OPTS=-Xmx16g bin/scalesweep ..., or "
            + "--driver-memory with spark-submit), or lower bootstrap.resamples / bootstrap.block");
      }
      if (msg.contains("No space left on device")) {
        out.add("the disk is full: free space where --out points (and in /tmp, Spark's scratch space) or choose "
            + "another --out; the previous results in --out are untouched (the failed stage's partial files were "
            + "discarded), so the same command can simply be run again");
      }
      if (t instanceof java.nio.file.AccessDeniedException || msg.contains("Permission denied")) {
        out.add("no permission to write there: choose an --out directory you can write to");
      }
      if (msg.contains("All masters are unresponsive") || msg.contains("Failed to connect to master")
          || msg.contains("Could not connect to spark://")) {
        out.add("the Spark master is not reachable: check --master (spark://HOST:PORT), or start a local cluster "
            + "with bin/local-cluster start (docs/CLUSTER.md)");
      }
      if ((t instanceof ClassNotFoundException || t instanceof NoClassDefFoundError) && msg.contains("scalesweep")) {
        out.add("the executors cannot load ScaleSweep's classes: submit the -app jar "
            + "(jobs/target/scalesweep-jobs-*-app.jar) with spark-submit, see docs/USER_GUIDE.md");
      }
    }
    return new ArrayList<>(out);
  }
}
