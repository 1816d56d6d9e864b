package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;

/**
 * The sweep design advisor. From a base design (the study as planned or run), with the study's
 * truth (or a stated effect) as the generating model:
 *
 * <ol>
 *   <li>simulate the base (R replicate sweeps, fitted and tested as the pipeline does) and calibrate
 *       the analytical screen ({@link GainModel}) on it;
 *   <li>simulate every candidate addition to the base and rank them by simulated gain per FLOP
 *       (advice.parquet);
 *   <li>plan greedily: at each step the screen picks the {@code screen} best candidates by its own
 *       gain per FLOP, simulation scores them, and the best simulated gain per FLOP that fits the
 *       budget is added (then the screen is recalibrated on the new design); under
 *       {@link Objective#POWER} the plan stops when every contrast reaches the target both by the
 *       simulated spread and by counted rejections;
 *   <li>simulate the uniform extensions (one more seed everywhere, step by step; more configurations
 *       on every rung, where the rules allow) for comparison.
 * </ol>
 *
 * <p>Every simulation goes through {@code simulate}, a pure function of the designs (replicate r
 * of every design shares its keyed noise), so the advice is the same on any master.
 *
 * @param greedy candidate generator, objective, target, costs (its model is calibrated here)
 * @param simulate R replicate sweeps of each design, in order
 * @param screen candidates simulated per step after the first
 * @param maxSteps most plan steps
 * @param maxUniform most rungs of each uniform ladder
 * @param alpha sign-test level
 * @param level interval level
 */
public record Advisor(GreedyPlan greedy, Function<List<AdviceDesign>, List<SimulatedDesign>> simulate, int screen,
    int maxSteps, int maxUniform, double alpha, double level) {

  /** Everything the advisor found. */
  public record Result(Scored base, List<Scored> candidates, List<Scored> plan, List<Scored> uniform) {
    /** The plan's last design (the base when the plan is empty). */
    public Scored last() {
      return plan.isEmpty() ? base : plan.get(plan.size() - 1);
    }
  }

  public Result advise(AdviceDesign base, double budgetFlops) {
    if (!(budgetFlops >= 0)) {
      throw new IllegalArgumentException("--budget-flops must be >= 0, got " + budgetFlops);
    }
    SimulatedDesign simBase = simulate.apply(List.of(base)).get(0);
    GreedyPlan g = withModel(base, simBase);
    Scored baseRow = score("base", 0, null, base, 0, 0, simBase, null, g, Double.NaN);
    // every candidate on the base, simulated
    List<CandidateGain> first = g.gains(base).stream().filter(c -> c.flops() > 0).toList();
    List<SimulatedDesign> sims = simulate.apply(first.stream().map(CandidateGain::design).toList());
    List<Scored> cands = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      CandidateGain c = first.get(i);
      cands.add(score("candidate", 0, c.candidate(), c.design(), c.flops(), c.flops(), sims.get(i), baseRow, g,
          c.flops()));
    }
    List<Scored> ranked = new ArrayList<>(cands);
    ranked.sort(Comparator.comparingDouble((Scored s) -> -s.gainPerFlop()));
    for (int i = 0; i < ranked.size(); i++) {
      Scored s = ranked.get(i);
      cands.set(cands.indexOf(s), s.ranked(i + 1));
    }
    // the greedy plan
    List<Scored> plan = new ArrayList<>();
    Scored current = baseRow;
    double spent = 0;
    List<Scored> options = cands;
    while (plan.size() < maxSteps && !(greedy.objective() == Objective.POWER && reached(current))) {
      Scored best = null;
      for (Scored o : options) {
        if (o.flops() > 0 && spent + o.flops() <= budgetFlops && o.gainPerFlop() > 0
            && (best == null || o.gainPerFlop() > best.gainPerFlop())) {
          best = o;
        }
      }
      if (best == null) {
        break;
      }
      spent += best.flops();
      current = new Scored("advisor", plan.size() + 1, best.candidate(), best.design(), best.flops(), spent,
          best.simulated(), best.expectedPower(), best.expectedWidth(), best.analyticPower(), best.analyticWidth(),
          best.gainPerFlop(), 0);
      plan.add(current);
      g = withModel(current.design(), current.simulated());
      double left = budgetFlops - spent;
      // the screen's gains, over the contrasts the simulation says are still below the target
      boolean[] open = new boolean[greedy.effects().length];
      for (int e = 0; e < open.length; e++) {
        open[e] = !reached(current, e);
      }
      double[] p0 = g.power(current.design());
      double[] w0 = g.width(current.design());
      GreedyPlan screenPlan = g;
      List<CandidateGain> next = g.gains(current.design()).stream()
          .map(c -> new CandidateGain(c.candidate(), c.design(), c.flops(), c.power(), c.width(),
              GreedyPlan.gain(screenPlan.objective(), p0, w0, c.power(), c.width(), open)))
          // under ALLOCATION the screen's Δβ gain is only an order (it has no model of the exponents): none is dropped
          .filter(c -> c.flops() > 0 && c.flops() <= left && (greedy.objective() == Objective.ALLOCATION || c.gain() > 0))
          .sorted(Comparator.comparingDouble((CandidateGain c) -> -c.gainPerFlop()))
          .limit(screen).toList();
      List<SimulatedDesign> s = simulate.apply(next.stream().map(CandidateGain::design).toList());
      options = new ArrayList<>();
      for (int i = 0; i < next.size(); i++) {
        CandidateGain c = next.get(i);
        options.add(score("candidate", 0, c.candidate(), c.design(), c.flops(), spent + c.flops(), s.get(i), current,
            g, c.flops()));
      }
    }
    return new Result(baseRow, cands, plan, uniform(base, baseRow, g));
  }

  /** Whether every contrast reaches the target, by the simulated spread and by counted rejections. */
  public boolean reached(Scored s) {
    for (int e = 0; e < greedy.effects().length; e++) {
      if (!reached(s, e)) {
        return false;
      }
    }
    return true;
  }

  /** Whether contrast e reaches the target on a simulated design, by expected and by counted power. */
  public boolean reached(Scored s, int e) {
    return s.expectedPower()[e] >= greedy.target() && s.simulated().power(e, level).rate() >= greedy.target();
  }

  /** More seeds everywhere (s+1, s+2, …) and more configurations on every rung, until both reach the target. */
  private List<Scored> uniform(AdviceDesign base, Scored baseRow, GreedyPlan g) {
    List<AdviceDesign> seeds = new ArrayList<>();
    for (int k = 1; k <= maxUniform; k++) {
      List<Rung> rungs = new ArrayList<>();
      for (Rung r : base.rungs()) {
        rungs.add(new Rung(r.budget(), r.configs(), r.seeds() + k));
      }
      seeds.add(new AdviceDesign(rungs, base.items()));
    }
    List<AdviceDesign> configs = new ArrayList<>();
    int widest = base.rungs().stream().mapToInt(r -> r.configs().size()).max().orElse(0);
    for (int k = widest + 2; configs.size() < maxUniform; k += 2) {
      List<Rung> rungs = new ArrayList<>();
      boolean grew = false;
      for (Rung r : base.rungs()) {
        List<ModelConfig> all = IsoFlopGrid.configurations(r.budget(), greedy.candidates().rules());
        List<ModelConfig> chosen = new ArrayList<>(r.configs());
        for (int i : org.scalesweep.calib.PowerStudy.spread(all.size(), Math.min(k, all.size()))) {
          if (!r.has(all.get(i).width())) {
            chosen.add(all.get(i));
            grew = true;
          }
        }
        rungs.add(new Rung(r.budget(), chosen, r.seeds()));
      }
      if (!grew) {
        break;
      }
      configs.add(new AdviceDesign(rungs, base.items()));
    }
    List<AdviceDesign> all = new ArrayList<>(seeds);
    all.addAll(configs);
    List<SimulatedDesign> sims = simulate.apply(all);
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      AdviceDesign d = all.get(i);
      double flops = greedy.cost(d) - greedy.cost(base);
      out.add(score(i < seeds.size() ? "uniform-seeds" : "uniform-configs", i < seeds.size() ? i + 1
          : i - seeds.size() + 1, null, d, flops, flops, sims.get(i), baseRow, g, Double.NaN));
    }
    return out;
  }

  /** The cheapest design of a plan kind reaching the target (null when none does). */
  public static Scored cheapestReaching(List<Scored> rows, String plan, Advisor a) {
    return rows.stream().filter(r -> r.plan().equals(plan) && a.reached(r))
        .min(Comparator.comparingDouble(Scored::cumulativeFlops)).orElse(null);
  }

  private GreedyPlan withModel(AdviceDesign d, SimulatedDesign s) {
    GainModel m = greedy.model().calibrated(d, s.variance(), s.meanWidth());
    return new GreedyPlan(greedy.candidates(), m, greedy.loss(), greedy.effects(), greedy.objective(), greedy.target(),
        greedy.evaluationSubgroups(), greedy.tokensPerItem());
  }

  private Scored score(String plan, int step, Candidate c, AdviceDesign d, double flops, double cumulative,
      SimulatedDesign s, Scored from, GreedyPlan g, double costForGain) {
    double[] effects = greedy.effects();
    int df = g.model().usable(d) - 2;
    double[] p = new double[effects.length];
    double[] w = new double[effects.length];
    for (int e = 0; e < effects.length; e++) {
      p[e] = s.expectedPower(effects[e], df, alpha, level);
      w[e] = s.meanWidth();
    }
    double gpf = Double.NaN;
    if (from != null && costForGain > 0) {
      double[] w0 = new double[effects.length];
      java.util.Arrays.fill(w0, from.expectedWidth());
      if (greedy.objective() == Objective.ALLOCATION) {
        // the allocation exponents' widths (once: the contrasts play no part)
        java.util.Arrays.fill(w0, 0);
        java.util.Arrays.fill(w, 0);
        w0[0] = from.simulated().allocationWidth(level);
        w[0] = s.allocationWidth(level);
      }
      boolean[] open = new boolean[effects.length];
      for (int e = 0; e < effects.length; e++) {
        open[e] = !reached(from, e);
      }
      gpf = GreedyPlan.gain(greedy.objective(), from.expectedPower(), w0, p, w, open) / costForGain;
    }
    return new Scored(plan, step, c, d, flops, cumulative, s, p, s.meanWidth(), g.power(d), g.model().width(d), gpf, 0);
  }
}
