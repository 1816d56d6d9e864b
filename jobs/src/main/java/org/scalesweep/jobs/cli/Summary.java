package org.scalesweep.jobs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The final summary of a run, read from the report's CSV mirrors: per case study, which gaps
 * close or widen significantly and which show no significant change, the crossovers inside the
 * budget range, and where to look next (dashboard, tables, notebooks).
 */
final class Summary {
  private Summary() {}

  static void print(Path dir, PrintStream out) {
    Path report = dir.resolve("report");
    Path csv = report.resolve("significance.csv");
    if (!Files.exists(csv)) {
      return;
    }
    try {
      List<Map<String, String>> all = read(csv);
      List<Map<String, String>> rows = all.stream().filter(r -> !"unpaired".equals(r.get("pairing"))).toList();
      List<Map<String, String>> unpaired = all.stream().filter(r -> "unpaired".equals(r.get("pairing"))).toList();
      long nSig = rows.stream().filter(r -> "true".equals(r.get("significant"))).count();
      String alpha = rows.isEmpty() ? "?" : rows.get(0).get("alpha");
      if (!rows.isEmpty()) {
        out.printf(Locale.ROOT, "%d of %d contrasts significant (sign of delta-beta at p < %s); delta-beta < 0: the "
            + "gap to the baseline narrows with compute.%n", nSig, rows.size(), alpha);
      }
      Map<String, List<Map<String, String>>> byStudy = new LinkedHashMap<>();
      rows.forEach(r -> byStudy.computeIfAbsent(r.get("study"), k -> new ArrayList<>()).add(r));
      for (Map.Entry<String, List<Map<String, String>>> e : byStudy.entrySet()) {
        List<Map<String, String>> study = e.getValue();
        out.printf("  %s (vs %s):%n", e.getKey(), study.get(0).get("baseline"));
        List<String> none = new ArrayList<>();
        for (Map<String, String> r : study) {
          if ("true".equals(r.get("significant"))) {
            double db = Double.parseDouble(r.get("delta_beta"));
            out.printf(Locale.ROOT, "    %-12s %-18s %-12s delta_beta %+.4f [%+.4f, %+.4f] p=%.4f%n", r.get("corpus"),
                r.get("treatment"), db < 0 ? "gap narrows" : "gap widens", db, Double.parseDouble(r.get("ci_low")),
                Double.parseDouble(r.get("ci_high")), Double.parseDouble(r.get("p_value")));
          } else {
            none.add(r.get("treatment") + "@" + r.get("corpus"));
          }
        }
        if (!none.isEmpty()) {
          out.println("    no significant change: " + String.join(", ", none));
        }
      }
      if (!unpaired.isEmpty()) {
        long n = unpaired.stream().filter(r -> "true".equals(r.get("significant"))).count();
        out.printf(Locale.ROOT, "%d of %d unpaired contrasts (one subgroup between separately trained sweeps) "
            + "significant; delta-beta < 0: the subgroup scales better on the treatment sweep.%n", n, unpaired.size());
        for (Map<String, String> r : unpaired) {
          if ("true".equals(r.get("significant"))) {
            double db = Double.parseDouble(r.get("delta_beta"));
            out.printf(Locale.ROOT, "    %-14s %-26s better on %-12s delta_beta %+.4f [%+.4f, %+.4f] p=%.4f%n",
                r.get("study"), r.get("treatment") + " " + r.get("corpus"), db < 0 ? r.get("treatment_sweep")
                    : r.get("baseline_sweep"), db, Double.parseDouble(r.get("ci_low")),
                Double.parseDouble(r.get("ci_high")), Double.parseDouble(r.get("p_value")));
          }
        }
      }
      Path crossovers = report.resolve("crossovers.csv");
      if (Files.exists(crossovers)) {
        List<Map<String, String>> x = read(crossovers);
        long inside = x.stream().filter(r -> "true".equals(r.get("in_range"))).count();
        out.printf("%d of %d crossovers fall inside the budget range (crossovers.csv).%n", inside, x.size());
      }
      Path dashboard = report.resolve("dashboard.html").toAbsolutePath();
      if (Files.exists(dashboard)) {
        out.println("Dashboard: " + dashboard.toUri());
      }
      out.println("Tables: " + report.toAbsolutePath() + "/*.csv (notebooks/ read them: SCALESWEEP_RUN="
          + dir.toAbsolutePath() + ")");
    } catch (IOException | RuntimeException e) {
      out.println("(summary unavailable: " + e.getMessage() + ")");
    }
  }

  /** A CSV mirror as rows of column → text. */
  static List<Map<String, String>> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<Map<String, String>> rows = new ArrayList<>();
    if (lines.isEmpty()) {
      return rows;
    }
    List<String> header = fields(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = fields(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < f.size(); i++) {
        row.put(header.get(i), f.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Fields of one RFC 4180 line (quoted fields may hold commas and doubled quotes; no line breaks here). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
