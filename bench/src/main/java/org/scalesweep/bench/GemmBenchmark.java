package org.scalesweep.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ItemResampling;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightBlock;
import org.scalesweep.boot.WeightKind;

/**
 * Benchmark 1, the item-bootstrap kernel: losses (runs × items) times weights (items × resamples).
 * {@code dgemm} is the reference (native BLAS through netlib on the same prepared operands);
 * {@code kernel} is the whole step the bootstrap runs, keyed weight generation included;
 * {@code blockedJava} is the fallback kernel; {@code weightBlock} and {@code weightColumns} time the
 * weights alone, block-wise and the per-resample way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmBenchmark {
  @Param("255")
  public int runs;

  @Param("14042")
  public int items;

  @Param("1000")
  public int resamples;

  private double[] losses;
  private double[] weights;
  private double[] totals;
  private double[] column;
  private double[] out;
  private Gemm dgemm;
  private Gemm blocked;
  private Resampler resampler;
  private WeightBlock block;
  private ItemResampling kernel;

  @Setup(Level.Trial)
  public void setUp() {
    losses = BenchData.lossMatrix(runs, items);
    resampler = new Resampler(2025, WeightKind.POISSON);
    block = resampler.weightBlock(77, items);
    weights = new double[items * resamples];
    totals = new double[resamples];
    column = new double[items];
    block.fill(0, resamples, weights, totals);
    out = new double[runs * resamples];
    dgemm = Gemm.best();
    blocked = Gemm.blocked();
    kernel = new ItemResampling(dgemm, resampler);
  }

  /** Multiply-adds ×2 of one product. */
  public static double flops(int runs, int items, int resamples) {
    return 2.0 * runs * items * resamples;
  }

  @Benchmark
  public double[] dgemm() {
    dgemm.multiply(losses, runs, items, weights, resamples, out);
    return out;
  }

  @Benchmark
  public double[] kernel() {
    return kernel.means(losses, runs, items, 77, 0, resamples);
  }

  @Benchmark
  public double[] blockedJava() {
    blocked.multiply(losses, runs, items, weights, resamples, out);
    return out;
  }

  @Benchmark
  public double[] weightBlock() {
    block.fill(0, resamples, weights, totals);
    return weights;
  }

  @Benchmark
  public double[] weightColumns() {
    for (int j = 0; j < resamples; j++) {
      resampler.itemWeights(77, j, items, column);
    }
    return column;
  }
}
