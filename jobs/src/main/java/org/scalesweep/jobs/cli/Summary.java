package org.scalesweep.jobs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The final summary of a run, read from the report's significance.csv: what was significant. */
final class Summary {
  private Summary() {}

  static void print(Path dir, PrintStream out) {
    Path csv = dir.resolve("report").resolve("significance.csv");
    if (!Files.exists(csv)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(csv);
      if (lines.isEmpty()) {
        return;
      }
      List<String> header = List.of(lines.get(0).split(",", -1));
      int study = header.indexOf("study");
      int corpus = header.indexOf("corpus");
      int base = header.indexOf("baseline");
      int treat = header.indexOf("treatment");
      int db = header.indexOf("delta_beta");
      int lo = header.indexOf("ci_low");
      int hi = header.indexOf("ci_high");
      int p = header.indexOf("p_value");
      int sig = header.indexOf("significant");
      int total = lines.size() - 1;
      long nSig = lines.stream().skip(1).filter(l -> "true".equals(l.split(",", -1)[sig])).count();
      out.printf("%d of %d contrasts significant:%n", nSig, total);
      for (String l : lines.subList(1, lines.size())) {
        String[] f = l.split(",", -1);
        if ("true".equals(f[sig])) {
          out.printf("  %-10s %-12s %s vs %s: delta_beta %+.4f [%+.4f, %+.4f] p=%.4f%n", f[study], f[corpus], f[treat],
              f[base], Double.parseDouble(f[db]), Double.parseDouble(f[lo]), Double.parseDouble(f[hi]),
              Double.parseDouble(f[p]));
        }
      }
    } catch (IOException | RuntimeException e) {
      out.println("(summary unavailable: " + e.getMessage() + ")");
    }
  }
}
