package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.NoiseModel;

/**
 * The run noise of an ingested suite, estimated from its own data, as the advisor's generating
 * model uses it: σ_run (seed noise shared by every subgroup of a run) and σ_run,subgroup (seed noise
 * of one subgroup), in ln loss. With d = ln ℓ_baseline − ln ℓ_overall (the shared part cancels),
 * σ_run,subgroup² = Var(d)/2 and σ_run² = max(0, Var(ln ℓ_overall) − σ_run,subgroup²), where the
 * variances are
 *
 * <ul>
 *   <li>{@link Source#SEED_REPLICATES} (any configuration trained with ≥ 2 seeds): the pooled
 *       within-configuration variances over the seeds, Σ_k Σ_s (x_ks − x̄_k)² / Σ_k (s_k − 1);
 *   <li>{@link Source#FIT_RESIDUALS} (one seed everywhere): the robust variances (1.4826·MAD)² of the
 *       configurations' residuals from the overall's and the baseline's fitted joint laws, which also
 *       hold whatever the laws miss (so the noise, and the uncertainty the advisor predicts, is
 *       rather too large than too small).
 * </ul>
 *
 * Configurations flagged off their curve are left out by the caller.
 *
 * @param sigmaRun σ_run
 * @param sigmaRunSubgroup σ_run,subgroup
 * @param source where the variances come from
 * @param df degrees of freedom (seeds) or configurations (residuals) behind them
 */
public record NoiseEstimate(double sigmaRun, double sigmaRunSubgroup, Source source, int df)
    implements java.io.Serializable {

  /** Where a noise estimate comes from. */
  public enum Source {
    /** Seed replicates of the same configuration: pure seed noise. */
    SEED_REPLICATES,
    /** Residuals of the fitted joint laws: seed noise plus the laws' lack of fit. */
    FIT_RESIDUALS;

    /** The spelling in advice_flags.parquet and the summary, e.g. {@code seed-replicates}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public NoiseEstimate {
    if (!(sigmaRun >= 0) || !(sigmaRunSubgroup >= 0)) {
      throw new IllegalArgumentException("noise scales must be >= 0, got " + sigmaRun + " and " + sigmaRunSubgroup);
    }
  }

  /** The simulation's noise model: run-level losses, no items. */
  public NoiseModel model() {
    return new NoiseModel(sigmaRun, sigmaRunSubgroup, 0, 0);
  }

  /** e.g. {@code sigma_run 0.21%, sigma_run_subgroup 0.10% (seed-replicates, 20 df)}. */
  public String describe() {
    return String.format(Locale.ROOT, "sigma_run %.3f%%, sigma_run_subgroup %.3f%% (%s, %d %s)", 100 * sigmaRun,
        100 * sigmaRunSubgroup, source.key(), df, source == Source.SEED_REPLICATES ? "df" : "configurations");
  }

  /** From the seeds where any configuration has two, else from the residuals of the fitted laws. */
  public static NoiseEstimate of(List<TrainedConfig> configs, JointLaw overall, JointLaw baseline) {
    if (configs.stream().anyMatch(c -> c.seeds() >= 2)) {
      double so = 0;
      double sd = 0;
      int dfo = 0;
      int dfd = 0;
      for (TrainedConfig c : configs) {
        double[] o = c.overall();
        double[] d = new double[o.length];
        int nd = 0;
        for (int s = 0; s < o.length; s++) {
          if (Double.isFinite(c.baseline()[s])) {
            d[nd++] = c.baseline()[s] - o[s];
          }
        }
        so += squares(o, o.length);
        dfo += o.length - 1;
        if (nd >= 2) {
          sd += squares(d, nd);
          dfd += nd - 1;
        }
      }
      double vsub = dfd > 0 ? sd / dfd / 2 : 0;
      double vo = so / dfo;
      return new NoiseEstimate(Math.sqrt(Math.max(0, vo - vsub)), Math.sqrt(vsub), Source.SEED_REPLICATES, dfo);
    }
    List<Double> ro = new ArrayList<>();
    List<Double> rd = new ArrayList<>();
    for (TrainedConfig c : configs) {
      double n = c.config().params();
      double t = c.config().tokens();
      double o = c.overall()[0] - Math.log(overall.at(n, t));
      ro.add(o);
      if (Double.isFinite(c.baseline()[0])) {
        rd.add(c.baseline()[0] - Math.log(baseline.at(n, t)) - o);
      }
    }
    double vsub = rd.isEmpty() ? 0 : robustVariance(rd) / 2;
    double vo = robustVariance(ro);
    return new NoiseEstimate(Math.sqrt(Math.max(0, vo - vsub)), Math.sqrt(vsub), Source.FIT_RESIDUALS, ro.size());
  }

  /**
   * Pooled within-configuration variance of ln ℓ_overall over seeds, Σ_k Σ_s (x_ks − x̄_k)² /
   * Σ_k (s_k − 1); NaN when no configuration has two seeds.
   */
  public static double pooledWithinVariance(List<TrainedConfig> configs) {
    double ss = 0;
    int df = 0;
    for (TrainedConfig c : configs) {
      ss += squares(c.overall(), c.seeds());
      df += c.seeds() - 1;
    }
    return df > 0 ? ss / df : Double.NaN;
  }

  private static double squares(double[] x, int n) {
    double m = 0;
    for (int i = 0; i < n; i++) {
      m += x[i] / n;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (x[i] - m) * (x[i] - m);
    }
    return s;
  }

  private static double robustVariance(List<Double> v) {
    double[] x = v.stream().mapToDouble(Double::doubleValue).toArray();
    double med = SuiteFlags.median(x);
    double[] abs = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      abs[i] = Math.abs(x[i] - med);
    }
    double s = SuiteFlags.MAD_TO_SIGMA * SuiteFlags.median(abs);
    return s * s;
  }
}
