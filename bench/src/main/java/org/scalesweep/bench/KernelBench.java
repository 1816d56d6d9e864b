package org.scalesweep.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.scalesweep.boot.Gemm;
import org.scalesweep.fit.Fit;
import org.scalesweep.law.JointLaw;
import org.scalesweep.perf.BenchTable;

/**
 * Runs the kernel benchmarks (1–3) under JMH and prints the table of docs/PERFORMANCE.md: each
 * figure with its same-run reference, ratio and target. Figures are medians over JMH's measurement
 * iterations. {@code --smoke} runs tiny sizes in-process in seconds (CI: proves the benchmarks run,
 * gates on nothing).
 */
public final class KernelBench {
  /** Relative objective difference that counts as "the same" (objective evaluation noise is ~1e-15). */
  static final double SAME_OBJECTIVE = 1e-12;

  private KernelBench() {}

  public static void main(String[] args) throws RunnerException, java.io.IOException, InterruptedException {
    boolean smoke = List.of(args).contains("--smoke");
    int csvAt = List.of(args).indexOf("--runs-csv");
    if (csvAt >= 0) {
      // benchmark 3c's input: benchmark 3's 240 points as a runs CSV for `scalesweep fit-runs`
      java.nio.file.Path csv = java.nio.file.Path.of(args[csvAt + 1]);
      java.nio.file.Files.writeString(csv, BenchData.jointLawRunsCsv(12, 20));
      System.err.println("wrote " + csv + " (240 runs: benchmark 3's points, 17 significant digits)");
      return;
    }
    if (List.of(args).contains("--scipy")) {
      // benchmark 3b: Approach 3 against scipy's L-BFGS-B in the same run (needs python3-scipy)
      java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("scalesweep.home", "."));
      int at = List.of(args).indexOf("--repeat");
      int repeats = at >= 0 ? Integer.parseInt(args[at + 1]) : (smoke ? 1 : 3);
      System.out.println(ScipyComparison.run(home, repeats, smoke).markdown());
      return;
    }
    System.out.println(run(smoke).markdown());
  }

  /** Runs every kernel benchmark and returns the table. */
  public static BenchTable run(boolean smoke) throws RunnerException {
    Sizes z = smoke ? Sizes.SMOKE : Sizes.FULL;
    ChainedOptionsBuilder o = new OptionsBuilder().include(KernelBench.class.getPackageName() + ".*Benchmark")
        .param("runs", String.valueOf(z.runs)).param("items", String.valueOf(z.items))
        .param("resamples", String.valueOf(z.resamples)).param("sizes", String.valueOf(z.sizes))
        .param("dataAmounts", String.valueOf(z.dataAmounts)).param("screen", String.valueOf(z.screen))
        .shouldFailOnError(true);
    if (smoke) {
      o = o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(50))
          .verbosity(VerboseMode.SILENT);
    } else {
      o = o.forks(1).jvmArgsAppend("-Xmx6g").warmupIterations(3).warmupTime(TimeValue.seconds(2))
          .measurementIterations(5).measurementTime(TimeValue.seconds(2));
    }
    Map<String, Double> ms = medians(new Runner(o.build()).run());
    System.err.println("kernel medians (ms or us per op, see each benchmark's unit): " + ms);

    BenchTable t = new BenchTable();
    double flops = GemmBenchmark.flops(z.runs, z.items, z.resamples);
    double dgemm = gflops(flops, ms.get("GemmBenchmark.dgemm"));
    double kernel = gflops(flops, ms.get("GemmBenchmark.kernel"));
    double blocked = gflops(flops, ms.get("GemmBenchmark.blockedJava"));
    String shape = z.runs + "×" + z.items + "×" + z.resamples;
    String ref = BenchTable.fmt(dgemm) + " GFLOP/s (" + Gemm.best().name() + " dgemm)";
    t.add("1 item kernel, weights included, " + shape, BenchTable.fmt(kernel) + " GFLOP/s", ref, kernel / dgemm,
        "≥ 0.5 of dgemm", kernel / dgemm >= 0.5);
    t.add("1 blocked-Java fallback, " + shape, BenchTable.fmt(blocked) + " GFLOP/s", ref, blocked / dgemm,
        "≥ 15 GFLOP/s", blocked >= 15);
    // the same kernels per CPU-second: what a core does when the neighbours let it run
    GemmBenchmark g = new GemmBenchmark();
    g.runs = z.runs;
    g.items = z.items;
    g.resamples = z.resamples;
    g.setUp();
    double blockedCpu = flops / 1e9 / cpuSecondsPerOp(g::blockedJava, z.cpuReps, false);
    double dgemmCpu = flops / 1e9 / cpuSecondsPerOp(g::dgemm, z.cpuReps, false);
    t.add("1 blocked-Java fallback per CPU-second (process CPU time), " + shape,
        BenchTable.fmt(blockedCpu) + " GFLOP/CPU-s", BenchTable.fmt(dgemmCpu) + " GFLOP/CPU-s (dgemm)",
        blockedCpu / dgemmCpu, "≥ 7.5 per core (15 on 2 idle cores)", blockedCpu >= 7.5);
    double weights = (double) z.items * z.resamples;
    double block = weights / ms.get("GemmBenchmark.weightBlock") / 1e3;
    double columns = weights / ms.get("GemmBenchmark.weightColumns") / 1e3;
    t.add("1 keyed Poisson weights, block-wise", BenchTable.fmt(block) + " M/s",
        BenchTable.fmt(columns) + " M/s (per-resample path)", block / columns, "none (54 M/s per core before)", null);

    double resamplesPerSec = RefitBenchmark.BLOCK / ms.get("RefitBenchmark.refits") * 1e6;
    double updates = resamplesPerSec * RefitBenchmark.pointUpdatesPerResample();
    double bare = RefitBenchmark.BLOCK * RefitBenchmark.pointUpdatesPerResample() / ms.get("RefitBenchmark.bareSums")
        * 1e6;
    t.add("2 cluster refits, 85 runs, 1 core (" + BenchTable.fmt(resamplesPerSec * RefitBenchmark.contrasts())
        + " resamples×contrasts/s)", BenchTable.fmt(updates) + " point-updates/s",
        BenchTable.fmt(bare) + " /s (bare 3-FMA loop)", updates / bare, "≥ 1e8 point-updates/s per core",
        updates >= 1e8);
    RefitBenchmark rb = new RefitBenchmark();
    rb.setUp();
    double perResample = RefitBenchmark.BLOCK * RefitBenchmark.pointUpdatesPerResample();
    double updatesCpu = perResample / cpuSecondsPerOp(rb::refits, 200 * z.cpuReps, true);
    double bareCpu = perResample / cpuSecondsPerOp(rb::bareSums, 200 * z.cpuReps, true);
    t.add("2 cluster refits per CPU-second (thread CPU time)", BenchTable.fmt(updatesCpu) + " point-updates/CPU-s",
        BenchTable.fmt(bareCpu) + " /CPU-s (bare 3-FMA loop)", updatesCpu / bareCpu, "≥ 1e8 point-updates/s per core",
        updatesCpu >= 1e8);

    double screenedMs = ms.get("JointLawBenchmark.screened");
    double allMs = ms.get("JointLawBenchmark.allStarts");
    double[][] pts = BenchData.jointLawPoints(z.sizes, z.dataAmounts);
    Fit<JointLaw> screened = JointLawBenchmark.fit(pts, z.screen);
    Fit<JointLaw> all = JointLawBenchmark.fit(pts, 0);
    double rel = (screened.objective() - all.objective()) / all.objective();
    boolean sameOrLower = rel <= SAME_OBJECTIVE;
    t.add("3 Approach 3, " + pts[0].length + " points, screen " + z.screen + ", 2 threads (objective "
        + String.format(java.util.Locale.ROOT, "%.15g", screened.objective()) + ", " + screened.startsConverged()
        + "/" + screened.starts() + " starts converged)", BenchTable.fmt(screenedMs / 1e3) + " s",
        BenchTable.fmt(allMs / 1e3) + " s, all " + all.starts() + " starts (objective "
            + String.format(java.util.Locale.ROOT, "%.15g", all.objective()) + ", " + all.startsConverged()
            + " converged); relative objective difference " + String.format(java.util.Locale.ROOT, "%.1e", rel),
        screenedMs / allMs, "≤ 2 s and objective ≤ all-starts (within 1e-12)", screenedMs <= 2000 && sameOrLower);
    double profiledMs = ms.get("JointLawBenchmark.profiled");
    Fit<JointLaw> profiled = JointLawBenchmark.profiledFit(pts);
    double relP = (profiled.objective() - all.objective()) / all.objective();
    t.add("3 Approach 3, " + pts[0].length + " points, profiled (variable projection, the default), 2 threads (objective "
        + String.format(java.util.Locale.ROOT, "%.15g", profiled.objective()) + ", " + profiled.startsConverged()
        + "/" + profiled.starts() + " starts converged)", BenchTable.fmt(profiledMs / 1e3) + " s",
        BenchTable.fmt(allMs / 1e3) + " s, all " + all.starts() + " grid starts; relative objective difference "
            + String.format(java.util.Locale.ROOT, "%.1e", relP),
        profiledMs / allMs, "≤ 0.5 s and objective ≤ all-starts (within 1e-9)", profiledMs <= 500 && relP <= 1e-9);
    System.err.println("kernel benchmarks, " + LocalDate.now() + (smoke ? " (smoke sizes: figures meaningless)" : ""));
    return t;
  }

  /**
   * Median CPU seconds per call over 5 rounds (after one warm-up round) of at least {@code reps}
   * calls and 50 ms of CPU time (the clocks' granularity): the calling thread's CPU time, or the
   * whole process's for kernels that fork.
   */
  static double cpuSecondsPerOp(Runnable op, int reps, boolean thread) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    double[] rounds = new double[5];
    for (int round = -1; round < rounds.length; round++) {
      long t0 = thread ? threads.getCurrentThreadCpuTime() : os.getProcessCpuTime();
      long t1 = t0;
      int calls = 0;
      while (calls < reps || t1 - t0 < 50_000_000L) {
        op.run();
        calls++;
        t1 = thread ? threads.getCurrentThreadCpuTime() : os.getProcessCpuTime();
      }
      if (round >= 0) {
        rounds[round] = (t1 - t0) / 1e9 / calls;
      }
    }
    return BenchTable.median(rounds);
  }

  private static double gflops(double flops, double ms) {
    return flops / (ms * 1e-3) / 1e9;
  }

  /** Median per benchmark (short name Class.method) over all measurement iterations. */
  static Map<String, Double> medians(Collection<RunResult> results) {
    Map<String, Double> out = new HashMap<>();
    for (RunResult rr : results) {
      String full = rr.getParams().getBenchmark();
      String[] parts = full.split("\\.");
      String key = parts[parts.length - 2] + "." + parts[parts.length - 1];
      List<Double> scores = new ArrayList<>();
      for (BenchmarkResult br : rr.getBenchmarkResults()) {
        for (IterationResult ir : br.getIterationResults()) {
          scores.add(ir.getPrimaryResult().getScore());
        }
      }
      out.put(key, BenchTable.median(scores.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return out;
  }

  /** Problem sizes: the issue's, and tiny ones for the smoke run. */
  private record Sizes(int runs, int items, int resamples, int sizes, int dataAmounts, int screen, int cpuReps) {
    static final Sizes FULL = new Sizes(255, 14_042, 1_000, 12, 20, 100, 3);
    static final Sizes SMOKE = new Sizes(8, 300, 16, 3, 4, 20, 1);
  }
}
