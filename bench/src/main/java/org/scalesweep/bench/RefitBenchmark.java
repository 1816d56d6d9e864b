package org.scalesweep.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.RelativeBootstrap;
import org.scalesweep.relative.RelativeScaling;

/**
 * Benchmark 2, weighted power-law refits from sufficient statistics: one block of cluster-scheme
 * resamples of an MMLU-like corpus (85 runs, frontier + 4 subgroups, 3 contrasts), keyed Poisson
 * weights included, on one thread. A point-update is one run's weighted contribution to one
 * subgroup's per-budget sums. {@code bareSums} is the same-run reference: the same number of
 * point-updates as a plain loop of three multiply-adds over primitive arrays, nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RefitBenchmark {
  /** Resamples per call: the pipeline's bootstrap.block default. */
  public static final int BLOCK = 64;

  private final int block = BLOCK;

  private RelativeBootstrap boot;
  private double[][] out;
  private long first;
  private double[] w;
  private double[] wu;
  private double[] wu2;
  private double[][] y;

  @Setup(Level.Trial)
  public void setUp() {
    CorpusRuns runs = BenchData.mmluCorpus();
    boot = new RelativeBootstrap(new RelativeScaling(runs, BenchData.mmluContrasts()), ResampleScheme.CLUSTER,
        new Resampler(2025, WeightKind.POISSON), List.of(), Gemm.best());
    out = new double[block][boot.statistics()];
    int n = runs.runs();
    w = new double[n];
    wu = new double[n];
    wu2 = new double[n];
    y = runs.loss();
    for (int r = 0; r < n; r++) {
      w[r] = 1 + r % 3;
      wu[r] = w[r] * 0.1 * (r % 7 - 3);
      wu2[r] = wu[r] * wu[r];
    }
  }

  /** Point-updates of one resample: every run into the frontier and each of the 4 fitted subgroups. */
  public static long pointUpdatesPerResample() {
    return 85L * (1 + 4);
  }

  public static int contrasts() {
    return 3;
  }

  @Benchmark
  public double[][] refits() {
    boot.evaluate(first, block, out);
    first += block; // fresh resamples every call, as a bootstrap task sees them
    return out;
  }

  @Benchmark
  public double bareSums() {
    double acc = 0;
    int n = w.length;
    for (int b = 0; b < block; b++) {
      for (int g = 0; g < 5; g++) {
        double[] yg = y[g];
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        for (int r = 0; r < n; r++) {
          double v = yg[r];
          t0 += w[r] * v;
          t1 += wu[r] * v;
          t2 += wu2[r] * v;
        }
        acc += t0 + t1 + t2;
      }
    }
    return acc;
  }
}
