package org.scalesweep.posttraining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalesweep.design.DesignedStudy;
import org.scalesweep.design.Point;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.LeastSquares;
import org.scalesweep.fit.LineSums;
import org.scalesweep.fit.OveroptimizationFitter;
import org.scalesweep.fit.ScaleRlFitter;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.Overoptimization;
import org.scalesweep.law.ScaleRlSigmoid;
import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;

/**
 * Seeds 001 and 004 as one designed study of post-training laws:
 * <ul>
 *   <li>HHH (seed 001): error rates of helpful / harmless / honest after SFT and RLHF, across base
 *       model sizes and post-training compute, Eq. 2 style; each run's rate is binomial over the eval's
 *       questions. Fitted by OLS of ln e on ln(L_pre/L_ref) and ln(C_ref/C_pt): does the pretraining
 *       loss → HHH relationship (κ) hold across techniques, and which scales faster with compute (γ)?</li>
 *   <li>Reward-model over-optimisation (seed 004): gold reward vs d = √KL for proxy RMs of several
 *       sizes, best-of-n R = d(α − βd) and RL R = d(α − β ln d); α should rise and β fall with RM size.</li>
 *   <li>ScaleRL (seed 004): the sigmoid compute → reward curve fitted on the low-compute runs only,
 *       then checked on the held-out high-compute runs.</li>
 * </ul>
 */
public record PostTrainingStudy(JointLaw pretraining, List<Double> sizes, List<Double> postTrainingCompute,
    double computeRef, double sizeRef, int questions, List<HhhTruth> hhh, List<Double> rmSizes,
    List<Double> bestOfN, List<Double> rlDistances, double[] bonAlpha, double[] bonBeta, double[] rlAlpha,
    double[] rlBeta, double rewardNoise, ScaleRlSigmoid scaleRl, List<Double> rlCompute, double fitUpTo)
    implements DesignedStudy {

  static final String HHH = "hhh";
  static final String RM_BON = "rm-best-of-n";
  static final String RM_RL = "rm-rl";
  static final String SCALE_RL = "scalerl";

  /** The preset's truths (documented assumptions: seeds 001/004 give forms, not these numbers). */
  public static PostTrainingStudy defaults() {
    List<HhhTruth> hhh = List.of(
        new HhhTruth("helpful", "sft", 0.35, 2.0, 0.05), new HhhTruth("helpful", "rlhf", 0.30, 2.0, 0.08),
        new HhhTruth("harmless", "sft", 0.25, 1.0, 0.04), new HhhTruth("harmless", "rlhf", 0.15, 1.0, 0.10),
        new HhhTruth("honest", "sft", 0.40, 1.5, 0.03), new HhhTruth("honest", "rlhf", 0.38, 2.5, 0.03));
    return new PostTrainingStudy(new JointLaw(1.8, 406, 0.34, 600, 0.34), List.of(160e6, 410e6, 1.4e9, 6.9e9),
        List.of(1e15, 1e16, 1e17, 1e18, 1e19), 1e17, 1.4e9, 2000, hhh, List.of(3e6, 3e7, 3e8, 3e9),
        List.of(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0),
        List.of(0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0), new double[] {0.50, 0.15}, new double[] {0.25, -0.04},
        new double[] {0.40, 0.10}, new double[] {0.15, -0.02}, 0.01, new ScaleRlSigmoid(0.25, 0.72, 1.2, 2e20),
        List.of(1e18, 1.78e18, 3.16e18, 5.62e18, 1e19, 1.78e19, 3.16e19, 5.62e19, 1e20, 1.78e20, 3.16e20, 5.62e20, 1e21,
            1.78e21, 3.16e21, 5.62e21, 1e22), 1.1e21);
  }

  /** Pretraining loss of a base model trained compute-optimally-ish at 20 tokens per parameter. */
  public double pretrainingLoss(double n) {
    return pretraining.at(n, 20 * n);
  }

  /** α or β of an RM of a size: intercept + slope·log10(size / 3e6). */
  static double linear(double[] coef, double size) {
    return coef[0] + coef[1] * Math.log10(size / 3e6);
  }

  public Overoptimization rmTruth(Overoptimization.Method m, double size) {
    return m == Overoptimization.Method.BEST_OF_N
        ? new Overoptimization(m, linear(bonAlpha, size), linear(bonBeta, size))
        : new Overoptimization(m, linear(rlAlpha, size), linear(rlBeta, size));
  }

  @Override
  public List<Point> points() {
    List<Point> out = new ArrayList<>();
    for (HhhTruth t : hhh) {
      for (double n : sizes) {
        for (double c : postTrainingCompute) {
          out.add(point(HHH, String.format(Locale.ROOT, "hhh-%s-%s-N%.3g-C%.0e", t.metric(), t.technique(), n, c),
              "params", n, "post_training_compute", c, "metric", (double) metricIndex(t.metric()), "technique",
              t.technique().equals("rlhf") ? 1.0 : 0.0));
        }
      }
    }
    for (double s : rmSizes) {
      for (double n : bestOfN) {
        out.add(point(RM_BON, String.format(Locale.ROOT, "bon-rm%.0e-n%.0f", s, n), "rm_params", s, "distance",
            Overoptimization.distance(Overoptimization.bestOfNKl((int) Math.round(n)))));
      }
      for (double d : rlDistances) {
        out.add(point(RM_RL, String.format(Locale.ROOT, "rl-rm%.0e-d%.2f", s, d), "rm_params", s, "distance", d));
      }
    }
    for (double c : rlCompute) {
      out.add(point(SCALE_RL, String.format(Locale.ROOT, "scalerl-C%.3e", c), "compute", c, "held_out",
          c > fitUpTo ? 1.0 : 0.0));
    }
    // best-of-1 has d = 0: no information, and log-free forms still need d > 0
    return out.stream().filter(p -> !(p.experiment().equals(RM_BON) && p.get("distance") == 0)).toList();
  }

  private static Point point(String experiment, String id, Object... kv) {
    Map<String, Double> a = new LinkedHashMap<>();
    for (String col : List.of("params", "post_training_compute", "metric", "technique", "rm_params", "distance",
        "compute", "held_out")) {
      a.put(col, Double.NaN);
    }
    for (int i = 0; i < kv.length; i += 2) {
      a.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return new Point(experiment, id, a);
  }

  @Override
  public List<String> attributes() {
    return List.of("params", "post_training_compute", "metric", "technique", "rm_params", "distance", "compute",
        "held_out");
  }

  @Override
  public double truth(Point p) {
    switch (p.experiment()) {
      case HHH: {
        HhhTruth t = hhhTruth(p);
        return t.errorRate(pretrainingLoss(p.get("params")) / pretrainingLoss(sizeRef),
            computeRef / p.get("post_training_compute"));
      }
      case RM_BON:
        return rmTruth(Overoptimization.Method.BEST_OF_N, p.get("rm_params")).at(p.get("distance"));
      case RM_RL:
        return rmTruth(Overoptimization.Method.RL, p.get("rm_params")).at(p.get("distance"));
      default:
        return scaleRl.at(p.get("compute"));
    }
  }

  @Override
  public double observe(long seed, Point p, int replicate) {
    long key = Keys.of(seed, Keys.name("post-training"), Keys.name(p.id()), replicate);
    if (p.experiment().equals(HHH)) {
      int k = KeyedRandom.binomial(key, questions, truth(p));
      return Math.max(k, 0.5) / questions; // half a count keeps ln e finite
    }
    return truth(p) + rewardNoise * KeyedRandom.gaussian(key);
  }

  private HhhTruth hhhTruth(Point p) {
    String metric = METRICS.get((int) p.get("metric"));
    String technique = p.get("technique") == 1.0 ? "rlhf" : "sft";
    return hhh.stream().filter(t -> t.metric().equals(metric) && t.technique().equals(technique)).findFirst()
        .orElseThrow();
  }

  private static final List<String> METRICS = List.of("helpful", "harmless", "honest");

  private static int metricIndex(String m) {
    int i = METRICS.indexOf(m);
    if (i < 0) {
      throw new IllegalArgumentException("unknown HHH metric '" + m + "'; allowed: " + METRICS);
    }
    return i;
  }

  @Override
  public Analysis analyze(double[][] obs, double[][] weights, Analysis warm) {
    List<Point> pts = points();
    double[] mean = new double[pts.size()];
    double[] w = new double[pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      double s = 0;
      for (int r = 0; r < obs[i].length; r++) {
        double wr = weights == null ? 1 : weights[i][r];
        s += wr * obs[i][r];
        w[i] += wr;
      }
      mean[i] = w[i] > 0 ? s / w[i] : Double.NaN;
    }
    Map<String, Double> st = new LinkedHashMap<>();
    hhhStatistics(pts, mean, w, st);
    rmStatistics(pts, mean, w, st);
    scaleRlStatistics(pts, mean, w, st);
    return () -> st;
  }

  private void hhhStatistics(List<Point> pts, double[] mean, double[] w, Map<String, Double> st) {
    for (String metric : METRICS) {
      Map<String, double[]> coef = new LinkedHashMap<>();
      for (String technique : List.of("sft", "rlhf")) {
        List<double[]> rows = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
          Point p = pts.get(i);
          if (!p.experiment().equals(HHH) || !(w[i] > 0) || !hhhTruth(p).metric().equals(metric)
              || !hhhTruth(p).technique().equals(technique)) {
            continue;
          }
          double sw = Math.sqrt(w[i]);
          rows.add(new double[] {sw, sw * Math.log(pretrainingLoss(p.get("params")) / pretrainingLoss(sizeRef)),
              sw * Math.log(computeRef / p.get("post_training_compute"))});
          y.add(sw * Math.log(mean[i]));
        }
        double[] c = rows.size() >= 3 ? LeastSquares.solve(rows.toArray(new double[0][]),
            y.stream().mapToDouble(Double::doubleValue).toArray()) : null;
        double[] v = c == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : c;
        coef.put(technique, v);
        st.put("hhh_" + metric + "_" + technique + "_b", Math.exp(v[0]));
        st.put("hhh_" + metric + "_" + technique + "_kappa", v[1]);
        st.put("hhh_" + metric + "_" + technique + "_gamma", v[2]);
      }
      st.put("hhh_" + metric + "_dkappa", coef.get("rlhf")[1] - coef.get("sft")[1]);
      st.put("hhh_" + metric + "_dgamma", coef.get("rlhf")[2] - coef.get("sft")[2]);
    }
  }

  private void rmStatistics(List<Point> pts, double[] mean, double[] w, Map<String, Double> st) {
    for (Overoptimization.Method m : Overoptimization.Method.values()) {
      String exp = m == Overoptimization.Method.BEST_OF_N ? RM_BON : RM_RL;
      String tag = m == Overoptimization.Method.BEST_OF_N ? "bon" : "rl";
      LineSums alphaTrend = new LineSums(7);
      LineSums betaTrend = new LineSums(7);
      for (double size : rmSizes) {
        List<double[]> xy = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
          Point p = pts.get(i);
          if (p.experiment().equals(exp) && p.get("rm_params") == size && w[i] > 0) {
            xy.add(new double[] {p.get("distance"), mean[i], w[i]});
          }
        }
        String key = String.format(Locale.ROOT, "rm_%s_%.0e", tag, size).replace("+", "");
        if (xy.size() < 2) {
          st.put(key + "_alpha", Double.NaN);
          st.put(key + "_beta", Double.NaN);
          continue;
        }
        Fit<Overoptimization> f = OveroptimizationFitter.fit(m, xy.stream().mapToDouble(a -> a[0]).toArray(),
            xy.stream().mapToDouble(a -> a[1]).toArray(), xy.stream().mapToDouble(a -> a[2]).toArray());
        double[] ab = f.parametersOrNaN(2);
        st.put(key + "_alpha", ab[0]);
        st.put(key + "_beta", ab[1]);
        if (Double.isFinite(ab[0])) {
          alphaTrend.add(Math.log10(size), ab[0], 1);
          betaTrend.add(Math.log10(size), ab[1], 1);
        }
      }
      st.put("rm_" + tag + "_alpha_per_decade", alphaTrend.count() >= 2 ? alphaTrend.slope() : Double.NaN);
      st.put("rm_" + tag + "_beta_per_decade", betaTrend.count() >= 2 ? betaTrend.slope() : Double.NaN);
    }
  }

  private void scaleRlStatistics(List<Point> pts, double[] mean, double[] w, Map<String, Double> st) {
    List<double[]> fitPts = new ArrayList<>();
    List<double[]> held = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      Point p = pts.get(i);
      if (p.experiment().equals(SCALE_RL) && w[i] > 0) {
        (p.get("held_out") == 1.0 ? held : fitPts).add(new double[] {p.get("compute"), mean[i], w[i]});
      }
    }
    String[] keys = {"scalerl_R0", "scalerl_A", "scalerl_B", "scalerl_log10_Cmid", "scalerl_max_abs_error_held_out",
        "scalerl_rmse_held_out", "scalerl_reward_at_max"};
    for (String k : keys) {
      st.put(k, Double.NaN);
    }
    if (fitPts.size() < 4) {
      return;
    }
    Fit<ScaleRlSigmoid> f = ScaleRlFitter.fit(fitPts.stream().mapToDouble(a -> a[0]).toArray(),
        fitPts.stream().mapToDouble(a -> a[1]).toArray(), fitPts.stream().mapToDouble(a -> a[2]).toArray(),
        scaleRl.r0());
    if (!f.hasEstimate()) {
      return;
    }
    ScaleRlSigmoid law = f.law();
    st.put("scalerl_R0", law.r0());
    st.put("scalerl_A", law.asymptote());
    st.put("scalerl_B", law.exponent());
    st.put("scalerl_log10_Cmid", Math.log10(law.cMid()));
    double max = 0;
    double ss = 0;
    for (double[] h : held) {
      double e = law.at(h[0]) - h[1];
      max = Math.max(max, Math.abs(e));
      ss += e * e;
    }
    st.put("scalerl_max_abs_error_held_out", held.isEmpty() ? Double.NaN : max);
    st.put("scalerl_rmse_held_out", held.isEmpty() ? Double.NaN : Math.sqrt(ss / held.size()));
    st.put("scalerl_reward_at_max", law.at(rlCompute.get(rlCompute.size() - 1)));
  }

  @Override
  public Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String metric : METRICS) {
      m.put("hhh_" + metric + "_dkappa", metric + ": kappa(RLHF) - kappa(SFT), loss -> error coupling");
      m.put("hhh_" + metric + "_dgamma", metric + ": gamma(RLHF) - gamma(SFT), post-training compute exponent");
    }
    m.put("rm_bon_alpha_per_decade", "best-of-n alpha per decade of RM size");
    m.put("rm_bon_beta_per_decade", "best-of-n beta per decade of RM size");
    m.put("rm_rl_alpha_per_decade", "RL alpha per decade of RM size");
    m.put("rm_rl_beta_per_decade", "RL beta per decade of RM size");
    m.put("scalerl_A", "ScaleRL asymptote A (fitted on low compute)");
    m.put("scalerl_B", "ScaleRL efficiency B");
    m.put("scalerl_log10_Cmid", "ScaleRL log10 C_mid");
    m.put("scalerl_max_abs_error_held_out", "ScaleRL max |error| on held-out high compute");
    m.put("scalerl_reward_at_max", "ScaleRL reward predicted at the largest compute");
    return m;
  }
}
