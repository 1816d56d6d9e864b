package org.scalesweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalesweep.fit.Approach3Method;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.law.JointLaw;
import org.scalesweep.perf.BenchTable;

/**
 * Benchmark 3b: Approach 3 on benchmark 3's 240 points against scipy, the field's reference
 * implementation, in one run: {@code bench/scipy/approach3.py} (scipy.optimize.minimize L-BFGS-B from
 * the same 4,500 starts, the same summed-Huber objective, the same data written to a CSV with 17
 * significant digits), ScaleSweep's profiled search (the default) and its 4,500-start grid, all on
 * one thread. Each figure is the median of {@code repeats} runs, the three interleaved so that load
 * changes hit them alike; scipy's time is measured inside Python (interpreter start and imports
 * excluded), ScaleSweep's in-process after a JIT warm-up.
 */
public final class ScipyComparison {
  private static final Pattern NUMBER = Pattern.compile("\"(objective|seconds|converged|cpu_seconds)\": ([-0-9.eE+]+)");

  private ScipyComparison() {}

  /** Runs the comparison; {@code home} is the repository root (for the script). */
  public static BenchTable run(Path home, int repeats, boolean smoke) throws IOException, InterruptedException {
    int sizes = smoke ? 3 : 12;
    int amounts = smoke ? 4 : 20;
    double[][] p = BenchData.jointLawPoints(sizes, amounts);
    Path csv = Files.createTempFile("approach3-", ".csv");
    StringBuilder sb = new StringBuilder("n,d,l\n");
    for (int i = 0; i < p[0].length; i++) {
      sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", p[0][i], p[1][i], p[2][i]));
    }
    Files.writeString(csv, sb.toString());
    JointLawFitter profiled = JointLawFitter.defaults();
    JointLawFitter grid = JointLawFitter.defaults().withMethod(Approach3Method.GRID);
    for (int w = 0; w < (smoke ? 1 : 20); w++) {
      profiled.fit(p[0], p[1], p[2], null); // JIT warm-up
    }
    double[] tProfiled = new double[repeats];
    double[] tGrid = new double[repeats];
    double[] tScipy = new double[repeats];
    double[] cScipy = new double[repeats];
    double[] cProfiled = new double[repeats];
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Fit<JointLaw> fp = null;
    Fit<JointLaw> fg = null;
    double scipyObjective = Double.NaN;
    int scipyConverged = 0;
    for (int r = 0; r < repeats; r++) {
      double[] s = scipy(home, csv, smoke);
      scipyObjective = s[0];
      tScipy[r] = s[1];
      scipyConverged = (int) s[2];
      cScipy[r] = s[3];
      long t0 = System.nanoTime();
      fg = grid.fit(p[0], p[1], p[2], null);
      long t1 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      fp = medianOfFits(profiled, p, 5, tProfiled, r);
      cProfiled[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9 / 5;
      tGrid[r] = (t1 - t0) / 1e9;
      System.err.printf(Locale.ROOT, "scipy-comparison repeat %d: scipy %.2f s, grid %.2f s, profiled %.4f s%n", r,
          tScipy[r], tGrid[r], tProfiled[r]);
    }
    Files.deleteIfExists(csv);
    double ms = BenchTable.median(tProfiled);
    double mg = BenchTable.median(tGrid);
    double sc = BenchTable.median(tScipy);
    double relScipy = (fp.objective() - scipyObjective) / scipyObjective;
    double relGrid = (fp.objective() - fg.objective()) / fg.objective();
    double cpuRatio = BenchTable.median(cScipy) / BenchTable.median(cProfiled);
    BenchTable t = new BenchTable();
    String pts = p[0].length + " points";
    t.add("3b Approach 3, " + pts + ", profiled (default), 1 thread vs scipy L-BFGS-B from 4,500 starts (objective "
        + obj(fp.objective()) + " vs scipy " + obj(scipyObjective) + ", " + scipyConverged
        + " scipy starts converged; relative difference " + String.format(Locale.ROOT, "%.1e", relScipy) + ")",
        BenchTable.fmt(ms) + " s", BenchTable.fmt(sc) + " s scipy", sc / ms,
        "≤ 0.5 s, ≥ 500× faster, objective ≤ scipy's (1e-9 relative)",
        ms <= 0.5 && sc / ms >= 500 && relScipy <= 1e-9);
    t.add("3b the same per CPU-second (scipy's process CPU, ScaleSweep's thread CPU)",
        BenchTable.fmt(BenchTable.median(cProfiled)) + " CPU-s", BenchTable.fmt(BenchTable.median(cScipy))
            + " CPU-s scipy", cpuRatio, "≥ 500×", cpuRatio >= 500);
    t.add("3b Approach 3, " + pts + ", all 4,500 grid starts (the reference), 1 thread (objective "
        + obj(fg.objective()) + ", " + fg.startsConverged() + " converged)", BenchTable.fmt(mg) + " s",
        BenchTable.fmt(sc) + " s scipy", sc / mg, "none (profiled vs grid: " + String.format(Locale.ROOT, "%.1e",
            relGrid) + " relative)", null);
    return t;
  }

  /** Median of {@code k} timed profiled fits into {@code times[r]}; returns the last fit. */
  private static Fit<JointLaw> medianOfFits(JointLawFitter f, double[][] p, int k, double[] times, int r) {
    double[] ts = new double[k];
    Fit<JointLaw> out = null;
    for (int i = 0; i < k; i++) {
      long t0 = System.nanoTime();
      out = f.fit(p[0], p[1], p[2], null);
      ts[i] = (System.nanoTime() - t0) / 1e9;
    }
    times[r] = BenchTable.median(ts);
    return out;
  }

  private static String obj(double v) {
    return String.format(Locale.ROOT, "%.15g", v);
  }

  /** {objective, seconds, converged, CPU seconds} of one scipy run. */
  private static double[] scipy(Path home, Path csv, boolean smoke) throws IOException, InterruptedException {
    Path script = home.resolve("bench/scipy/approach3.py");
    // SCALESWEEP_PYTHON=/usr/bin/python3 picks Debian's python3-scipy when another python3 comes first
    String python = System.getProperty("scalesweep.python",
        System.getenv().getOrDefault("SCALESWEEP_PYTHON", "python3"));
    List<String> cmd = new ArrayList<>(List.of(python, script.toString(), csv.toString()));
    Process pr = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = pr.waitFor();
    if (rc != 0) {
      throw new IOException("python3 " + script + " exited with " + rc + " (needs python3-scipy, python3-numpy): " + out);
    }
    double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    Matcher m = NUMBER.matcher(out);
    while (m.find()) {
      double x = Double.parseDouble(m.group(2));
      switch (m.group(1)) {
        case "objective" -> v[0] = x;
        case "seconds" -> v[1] = x;
        case "cpu_seconds" -> v[3] = x;
        default -> v[2] = x;
      }
    }
    return v;
  }
}
