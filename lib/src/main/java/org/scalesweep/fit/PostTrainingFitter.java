package org.scalesweep.fit;

import java.util.EnumSet;
import java.util.stream.IntStream;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.PostTrainingLaw;

/**
 * γ and δ of seed 000's Eq. 2, given the alignment law fitted beforehand (Approach 3 on the
 * pre-post-training runs): log-space residuals
 * r = ln L_align(N, D) + γ·ln(C_ref/C_pt) + ln(1 + δ·ln(D/D_ref)) − ln L_total, least squares.
 */
public final class PostTrainingFitter {
  private PostTrainingFitter() {}

  public static Fit<PostTrainingLaw> fit(JointLaw align, double cRef, double dRef, double[] n, double[] d,
      double[] cPt, double[] total, double[] weights) {
    Data.sameLength("post-training fit", n.length, d, cPt, total);
    Data.atLeast("post-training fit (2 parameters)", n.length, 2);
    Data.positive("N", n);
    Data.positive("C_pt", cPt);
    Data.positive("loss", total);
    for (int i = 0; i < d.length; i++) {
      if (!(d[i] >= 0) || Double.isInfinite(d[i])) {
        throw new IllegalArgumentException("D[" + i + "] = " + d[i] + " must be a non-negative finite number");
      }
    }
    Data.weights(weights, n.length);
    if (Data.distinct(cPt, weights) < 2 || Data.distinct(d, weights) < 2) {
      return Fit.failed(FitFlag.DEGENERATE, n.length, "needs 2 distinct C_pt and 2 distinct D");
    }
    PostTrainingLaw template = new PostTrainingLaw(align, 0, 0, cRef, dRef);
    int m = n.length;
    double[] base = new double[m];
    double[] lnC = new double[m];
    double[] lnD = new double[m];
    for (int i = 0; i < m; i++) {
      double dEff = Math.max(d[i], 1);
      base[i] = Math.log(align.at(n[i], dEff)) - Math.log(total[i]);
      lnC[i] = Math.log(cRef / cPt[i]);
      lnD[i] = Math.log(dEff / dRef);
    }
    ResidualModel model = new ResidualModel() {
      @Override
      public int parameters() {
        return 2;
      }

      @Override
      public int size() {
        return m;
      }

      @Override
      public void evaluate(double[] p, double[] r, double[][] jac) {
        for (int i = 0; i < m; i++) {
          double inter = 1 + p[1] * lnD[i];
          r[i] = inter > 0 ? base[i] + p[0] * lnC[i] + Math.log(inter) : Double.NaN;
          if (jac != null) {
            jac[i][0] = lnC[i];
            jac[i][1] = lnD[i] / inter;
          }
        }
      }
    };
    double[][] starts = {{0, 0}, {0.1, -0.05}, {0.3, 0.05}, {0.1, 0}};
    MultiStart.Outcome out = MultiStart.run(model, weights, RobustLoss.squared(), IntStream.range(0, starts.length).toArray(),
        i -> starts[i].clone(), Lbfgs.defaults(), LevenbergMarquardt.defaults(), 1);
    if (out == null) {
      return Fit.failed(FitFlag.NOT_CONVERGED, m, "objective not finite at any start");
    }
    double[] p = out.best().point();
    PostTrainingLaw law = template.withInteraction(p[0], p[1]);
    double[] pred = new double[m];
    for (int i = 0; i < m; i++) {
      pred[i] = law.at(n[i], d[i], cPt[i]);
    }
    EnumSet<FitFlag> flags = out.anyConverged() ? EnumSet.noneOf(FitFlag.class) : EnumSet.of(FitFlag.NOT_CONVERGED);
    return new Fit<>(law, out.best().value(), out.anyConverged(), out.lbfgsIterations(), flags, m,
        Data.rSquared(total, pred, weights), out.tried(), out.converged(), out.anyConverged() ? "" : "no start converged");
  }
}
