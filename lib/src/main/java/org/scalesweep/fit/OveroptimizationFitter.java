package org.scalesweep.fit;

import java.util.EnumSet;
import org.scalesweep.law.Overoptimization;

/**
 * Reward-model over-optimisation forms, linear in (α, β): best-of-n R = α·d − β·d², RL
 * R = α·d − β·d·ln d; solved by weighted least squares with ojAlgo QR.
 */
public final class OveroptimizationFitter {
  private OveroptimizationFitter() {}

  public static Fit<Overoptimization> fit(Overoptimization.Method method, double[] distance, double[] reward,
      double[] weights) {
    Data.sameLength("over-optimisation fit", distance.length, reward);
    Data.atLeast("over-optimisation fit (2 parameters)", distance.length, 2);
    Data.positive("distance", distance);
    Data.finite("reward", reward);
    Data.weights(weights, distance.length);
    int m = distance.length;
    double[][] a = new double[m][2];
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      double sw = Math.sqrt(Data.weight(weights, i));
      double d = distance[i];
      a[i][0] = sw * d;
      a[i][1] = sw * -(method == Overoptimization.Method.BEST_OF_N ? d * d : d * Math.log(d));
      b[i] = sw * reward[i];
    }
    double[] x = LeastSquares.solve(a, b);
    if (x == null) {
      return Fit.failed(FitFlag.DEGENERATE, m, "design is rank deficient (need 2 distinct distances)");
    }
    Overoptimization law = new Overoptimization(method, x[0], x[1]);
    double[] pred = new double[m];
    double rss = 0;
    for (int i = 0; i < m; i++) {
      pred[i] = law.at(distance[i]);
      rss += Data.weight(weights, i) * (pred[i] - reward[i]) * (pred[i] - reward[i]);
    }
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    String note = "";
    if (!(law.beta() > 0)) {
      flags.add(FitFlag.BOUNDARY);
      note = "beta <= 0: no over-optimisation peak";
    }
    return new Fit<>(law, rss, true, 0, flags, m, Data.rSquared(reward, pred, weights), 1, 1, note);
  }
}
