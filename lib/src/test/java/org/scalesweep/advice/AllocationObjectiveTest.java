package org.scalesweep.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.calib.PowerStudy;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;

/**
 * Objective {@code allocation}: the interval width of the overall law's allocation exponents a and b
 * (Approach 2 on every replicate sweep), on the flagship's suite with one seed.
 *
 * <p>Theory first (OLS slope of log10 N* on log10 F over the 7 suite budgets, equal vertex variance v
 * per budget and seed): Var(â) = Σ_j (x_j − x̄)²·v/s_j / Sxx², Sxx = 3.117. One more seed at the
 * smallest budget (x − x̄ = −1.073) takes sd(â) from 0.566·√v to 0.512·√v (−10%); a new budget at
 * 3e20 (8 budgets, Sxx = 4.844) to 0.454·√v (−20%): twice the narrowing, but it costs ~750 times the
 * FLOPs (15 configurations at 3e20 against those at 1e18), so per FLOP the seed wins by far: the
 * opposite of "a new budget above narrows more per FLOP". That is what is asserted.
 */
class AllocationObjectiveTest {
  static final int R = 200;

  static SimulatedDesign simulate(PowerStudy p, AdviceDesign d) {
    double[] a = new double[R];
    double[] b = new double[R];
    boolean[][] none = new boolean[R][0];
    double[] zero = new double[R];
    for (int r = 0; r < R; r++) {
      double[] ab = p.allocation(d.configs(), d.seedsPerConfig(), 0, r);
      a[r] = ab[0];
      b[r] = ab[1];
    }
    return SimulatedDesign.of(zero, zero, none, a, b);
  }

  @Test
  void perFlopMoreSeedsOnTheSmallestBudgetNarrowTheExponentsFarMoreThanANewBudgetAbove() {
    PowerStudy p = AdvisorTest.study(AdvisorTest.FLAGSHIP_NOISE, 1);
    AdviceDesign base = AdviceDesign.uniform(IsoFlopGrid.suite(), 1, 0);
    SimulatedDesign s0 = simulate(p, base);
    assertThat(s0.allocationFailed()).isZero();
    List<ModelConfig> above = IsoFlopGrid.configurations(3e20, GridRules.suite());
    AdviceDesign withSeed = new Candidate(CandidateKind.SEEDS, 1e18, List.of(), 1).applyTo(base);
    AdviceDesign withBudget = new Candidate(CandidateKind.BUDGET_ABOVE, 3e20,
        above.subList(0, Math.min(15, above.size())), 1).applyTo(base);
    double w0 = s0.allocationWidth(0.95);
    double gSeed = w0 - simulate(p, withSeed).allocationWidth(0.95);
    double gBudget = w0 - simulate(p, withBudget).allocationWidth(0.95);
    double fSeed = withSeed.trainingFlops() - base.trainingFlops();
    double fBudget = withBudget.trainingFlops() - base.trainingFlops();
    // both narrow (common random numbers: the added runs are the only difference); the new budget about twice as
    // much (theory 0.112 against 0.055 of 0.566, ratio 2.0; the widths' Monte Carlo error at R = 200 is ~5% of w0,
    // less for differences on shared draws, so the ratio is asserted in [1.2, 4])
    // both narrow (common random numbers: the added runs are the only difference). In absolute terms the equal-v
    // theory says the new budget narrows twice as much; simulated it was 1.16 times (0.0205 against 0.0177 of 0.400:
    // the smallest budget's 5 configurations place its vertex worse than the others', so its seed helps more than
    // equal v assumes) — too close to the Monte Carlo error to assert an order
    assertThat(gSeed).isPositive();
    assertThat(gBudget).isPositive();
    // per FLOP the seed wins by two orders of magnitude in theory (~500x; simulated 644x); asserted by one
    assertThat(fBudget / fSeed).isGreaterThan(300);
    assertThat(gSeed / fSeed).isGreaterThan(10 * gBudget / fBudget);
  }

  @Test
  void allocationGainIsMonotoneInTheAddedFlopsForAFixedKind() {
    PowerStudy p = AdvisorTest.study(AdvisorTest.FLAGSHIP_NOISE, 1);
    AdviceDesign base = AdviceDesign.uniform(IsoFlopGrid.suite(), 1, 0);
    double w0 = simulate(p, base).allocationWidth(0.95);
    // more seeds on the smallest budget: 2, 4, 10 seeds; theory sd 0.512, 0.482, 0.463 of 0.566·√v
    double last = 0;
    double lastFlops = 0;
    for (int k : new int[] {1, 3, 9}) {
      AdviceDesign d = new Candidate(CandidateKind.SEEDS, 1e18, List.of(), k).applyTo(base);
      double gain = w0 - simulate(p, d).allocationWidth(0.95);
      double flops = d.trainingFlops() - base.trainingFlops();
      assertThat(flops).isGreaterThan(lastFlops);
      assertThat(gain).as("seeds +" + k).isGreaterThan(last);
      last = gain;
      lastFlops = flops;
    }
    // a new budget above with 1, 2, 3 seeds
    List<ModelConfig> above = IsoFlopGrid.configurations(3e20, GridRules.suite());
    last = 0;
    for (int s = 1; s <= 3; s++) {
      AdviceDesign d = new Candidate(CandidateKind.BUDGET_ABOVE, 3e20, above.subList(0, Math.min(15, above.size())), s)
          .applyTo(base);
      double gain = w0 - simulate(p, d).allocationWidth(0.95);
      assertThat(gain).as("budget-above x " + s + " seeds").isGreaterThan(last);
      last = gain;
    }
  }

  @Test
  void aDuplicateRunWithoutNoiseChangesNoExponent() {
    PowerStudy p = AdvisorTest.study(new org.scalesweep.sim.NoiseModel(0, 0, 0, 0), 1);
    AdviceDesign base = AdviceDesign.uniform(IsoFlopGrid.suite(), 1, 0);
    AdviceDesign more = new Candidate(CandidateKind.SEEDS, 1e18, List.of(), 1).applyTo(base);
    for (int r = 0; r < 3; r++) {
      assertThat(p.allocation(more.configs(), more.seedsPerConfig(), 0, r))
          .containsExactly(p.allocation(base.configs(), base.seedsPerConfig(), 0, r));
    }
    assertThat(simulate(p, more).allocationWidth(0.95)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
  }
}
