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
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.law.JointLaw;

/**
 * Benchmark 3, Approach 3 on a 240-point data set (12 sizes × 20 data amounts), the 4,500-start
 * grid, summed Huber, 2 threads. {@code screened} is the pipeline's default (L-BFGS from the 100
 * best starts by their initial objective); {@code allStarts}, every start run to convergence, is the
 * same-run reference for both the time and the objective (see {@link KernelBench}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JointLawBenchmark {
  @Param("12")
  public int sizes;

  @Param("20")
  public int dataAmounts;

  @Param("100")
  public int screen;

  private double[][] points;

  @Setup(Level.Trial)
  public void setUp() {
    points = BenchData.jointLawPoints(sizes, dataAmounts);
  }

  static Fit<JointLaw> fit(double[][] points, int screen) {
    return JointLawFitter.defaults().withScreening(screen).withParallelism(2).fit(points[0], points[1], points[2], null);
  }

  @Benchmark
  public Fit<JointLaw> screened() {
    return fit(points, screen);
  }

  @Benchmark
  public Fit<JointLaw> allStarts() {
    return fit(points, 0);
  }
}
