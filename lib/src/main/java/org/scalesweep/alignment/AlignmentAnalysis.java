package org.scalesweep.alignment;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.FitFlag;
import org.scalesweep.fit.IsoFlopOptimum;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.LineSums;
import org.scalesweep.fit.OffsetPowerLawFitter;
import org.scalesweep.fit.PostTrainingFitter;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.OffsetPowerLaw;
import org.scalesweep.law.PostTrainingLaw;

/**
 * Seed 000's analyses on observed losses: per-experiment fits from replicate-weighted point means.
 * Observations are [point][replicate]; bootstrap weights have the same shape (null = all 1). A
 * point whose replicates all weigh 0 drops out of every fit it belongs to.
 */
public final class AlignmentAnalysis {
  private final List<DesignPoint> points;
  private final JointLawFitter fitter;
  private final double cRef;
  private final double dRef;

  /**
   * @param points the design (order of the observation rows)
   * @param fitter Approach 3 settings
   * @param cRef C_ref of Eq. 2
   * @param dRef D_ref of Eq. 2
   */
  public AlignmentAnalysis(List<DesignPoint> points, JointLawFitter fitter, double cRef, double dRef) {
    this.points = List.copyOf(points);
    this.fitter = fitter;
    this.cRef = cRef;
    this.dRef = dRef;
  }

  public List<DesignPoint> points() {
    return points;
  }

  /**
   * Every estimate. With {@code warm} (the full-sample results) the nonlinear fits restart from its
   * optima (bootstrap resamples); without, from their full start grids.
   */
  public AlignmentResults analyze(double[][] loss, double[][] weights, AlignmentResults warm) {
    double[] mean = new double[points.size()];
    double[] weight = new double[points.size()];
    pointMeans(loss, weights, mean, weight);
    Sel exp1 = select(Experiment.MODEL_SIZE, mean, weight);
    Sel exp2 = select(Experiment.DATA, mean, weight);
    Fit<OffsetPowerLaw> modelSize = offset(exp1.n(), exp1, warm == null ? null : warm.modelSize());
    Fit<OffsetPowerLaw> data = offset(exp2.d(), exp2, warm == null ? null : warm.data());
    Fit<JointLaw> jointFit = joint(mean, weight, warm == null ? null : warm.joint());
    Approach2.Result frontier = frontier(mean, weight);
    double[] optLoss = frontier.paramsOptima().stream().mapToDouble(IsoFlopOptimum::lossAtOptimum).toArray();
    LineSums slope = new LineSums(0);
    for (IsoFlopOptimum o : frontier.paramsOptima()) {
      if (o.usable() && o.lossAtOptimum() > 0) {
        slope.add(Math.log10(o.budget()), Math.log10(o.lossAtOptimum()), 1);
      }
    }

    Sel post = select(Experiment.POST_TRAINING, mean, weight);
    Fit<PostTrainingLaw> pt = !jointFit.hasEstimate() || post.size() < 2
        ? Fit.failed(FitFlag.TOO_FEW_POINTS, post.size(), "post-training fit needs the alignment law and 2 points")
        : PostTrainingFitter.fit(jointFit.law(), cRef, dRef, post.n(), post.d(), post.cpt(), post.l(), post.w());

    return new AlignmentResults(modelSize, data, jointFit, frontier, optLoss,
        slope.count() >= 2 ? slope.slope() : Double.NaN, pt, mixtures(mean, weight));
  }

  /**
   * Replicate-weighted mean loss and total weight of every point (observations and weights are
   * [point][replicate]; null weights = all 1); a point whose replicates all weigh 0 has a NaN mean.
   */
  public void pointMeans(double[][] loss, double[][] weights, double[] mean, double[] weight) {
    if (loss.length != points.size()) {
      throw new IllegalArgumentException("observations for " + loss.length + " points, design has " + points.size());
    }
    for (int i = 0; i < points.size(); i++) {
      double s = 0;
      double w = 0;
      for (int r = 0; r < loss[i].length; r++) {
        double wr = weights == null ? 1 : weights[i][r];
        s += wr * loss[i][r];
        w += wr;
      }
      mean[i] = w > 0 ? s / w : Double.NaN;
      weight[i] = w;
    }
  }

  /** Approach 3 on Experiments 1 + 2 (16 points), warm-started from {@code warm} when it has an estimate. */
  public Fit<JointLaw> joint(double[] mean, double[] weight, Fit<JointLaw> warm) {
    Sel joint = select(Experiment.MODEL_SIZE, mean, weight).concat(select(Experiment.DATA, mean, weight));
    if (joint.size() < 5) {
      return Fit.failed(FitFlag.TOO_FEW_POINTS, joint.size(), "joint law needs 5 points");
    }
    return warm == null || !warm.hasEstimate() ? fitter.fit(joint.n(), joint.d(), joint.l(), joint.w())
        : fitter.refit(inside(warm.law()), joint.n(), joint.d(), joint.l(), joint.w());
  }

  /**
   * A warm start strictly inside the parameter space: a term the full-sample fit collapsed to 0
   * (e.g. E on a noisy replicate) restarts at 1e-9 instead of making the log-parameter start -∞.
   */
  private static JointLaw inside(JointLaw law) {
    double floor = 1e-9;
    if (law.e() > 0 && law.a() > 0 && law.b() > 0) {
      return law;
    }
    return new JointLaw(Math.max(law.e(), floor), Math.max(law.a(), floor), law.alpha(), Math.max(law.b(), floor),
        law.beta());
  }

  /** Experiment 3: Approach 2 optima and allocation exponents. */
  public Approach2.Result frontier(double[] mean, double[] weight) {
    Sel front = select(Experiment.FRONTIER, mean, weight);
    return Approach2.leastSquares().fit(front.c(), front.n(), front.d(), front.l(), front.w());
  }

  private List<MixtureEffect> mixtures(double[] mean, double[] weight) {
    List<Double> ratios = points.stream().filter(p -> p.experiment() == Experiment.MIXTURE && p.mixture() > 0)
        .map(DesignPoint::mixture).distinct().sorted().toList();
    List<MixtureEffect> out = new ArrayList<>();
    for (double ratio : ratios) {
      LineSums s = new LineSums(9);
      double sum = 0;
      int k = 0;
      for (int i = 0; i < points.size(); i++) {
        DesignPoint p = points.get(i);
        if (p.experiment() != Experiment.MIXTURE || p.mixture() != ratio || !(weight[i] > 0)) {
          continue;
        }
        int base = baseline(p.params());
        if (base < 0 || !(weight[base] > 0)) {
          continue;
        }
        double improvement = 1 - mean[i] / mean[base];
        s.add(Math.log10(p.params()), improvement, 1);
        sum += improvement;
        k++;
      }
      out.add(new MixtureEffect(ratio, k > 0 ? sum / k : Double.NaN, s.count() >= 2 ? s.slope() : Double.NaN));
    }
    return out;
  }

  private int baseline(double params) {
    for (int i = 0; i < points.size(); i++) {
      DesignPoint p = points.get(i);
      if (p.experiment() == Experiment.MIXTURE && p.mixture() == 0 && p.params() == params) {
        return i;
      }
    }
    return -1;
  }

  private static Fit<OffsetPowerLaw> offset(double[] x, Sel s, Fit<OffsetPowerLaw> warm) {
    if (s.size() < 3) {
      return Fit.failed(FitFlag.TOO_FEW_POINTS, s.size(), "offset power law needs 3 points");
    }
    OffsetPowerLawFitter f = OffsetPowerLawFitter.defaults();
    return warm != null && warm.hasEstimate() && warm.law().a() > 0 && warm.law().e() > 0
        ? f.refit(warm.law(), x, s.l(), s.w()) : f.fit(x, s.l(), s.w());
  }

  /** Points of one experiment with positive weight, as arrays. */
  private Sel select(Experiment e, double[] mean, double[] weight) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).experiment() == e && weight[i] > 0) {
        idx.add(i);
      }
    }
    int m = idx.size();
    double[][] a = new double[6][m];
    for (int k = 0; k < m; k++) {
      DesignPoint p = points.get(idx.get(k));
      a[0][k] = p.params();
      a[1][k] = p.tokens();
      a[2][k] = mean[idx.get(k)];
      a[3][k] = weight[idx.get(k)];
      a[4][k] = p.compute();
      a[5][k] = p.postTrainingCompute();
    }
    return new Sel(a[0], a[1], a[2], a[3], a[4], a[5]);
  }

  /** Selected points: N, D, mean loss, weight, compute, post-training compute. */
  private record Sel(double[] n, double[] d, double[] l, double[] w, double[] c, double[] cpt) {
    int size() {
      return n.length;
    }

    Sel concat(Sel o) {
      return new Sel(cat(n, o.n), cat(d, o.d), cat(l, o.l), cat(w, o.w), cat(c, o.c), cat(cpt, o.cpt));
    }

    private static double[] cat(double[] x, double[] y) {
      double[] r = java.util.Arrays.copyOf(x, x.length + y.length);
      System.arraycopy(y, 0, r, x.length, y.length);
      return r;
    }
  }
}
