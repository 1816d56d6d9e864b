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
import org.scalesweep.fit.Approach3Method;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.law.JointLaw;

/**
 * Benchmark 3, Approach 3 on a 240-point data set (12 sizes × 20 data amounts), the 4,500-start
 * grid, summed Huber, 2 threads. {@code profiled} is the default (variable projection); {@code
 * screened} the grid's L-BFGS from its 100 best starts by initial objective (the pipeline's default
 * before); {@code allStarts}, every grid start run to convergence, is the same-run reference for both
 * the time and the objective (see {@link KernelBench}).
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

  /** The 4,500-start grid ({@link Approach3Method#GRID}), L-BFGS from the best {@code screen} (0: all). */
  static Fit<JointLaw> fit(double[][] points, int screen) {
    return JointLawFitter.defaults().withMethod(Approach3Method.GRID).withScreening(screen).withParallelism(2)
        .fit(points[0], points[1], points[2], null);
  }

  /** The default, variable projection over the grid's 25 exponent pairs ({@link Approach3Method#PROFILED}). */
  static Fit<JointLaw> profiledFit(double[][] points) {
    return JointLawFitter.defaults().withParallelism(2).fit(points[0], points[1], points[2], null);
  }

  @Benchmark
  public Fit<JointLaw> profiled() {
    return profiledFit(points);
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
