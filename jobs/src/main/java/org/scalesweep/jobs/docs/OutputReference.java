package org.scalesweep.jobs.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.report.RunsSummary;
import org.scalesweep.jobs.stage.BootstrapStage;
import org.scalesweep.jobs.stage.CalibrationFit;
import org.scalesweep.jobs.stage.DesignedStages;
import org.scalesweep.jobs.stage.FitStage;
import org.scalesweep.jobs.stage.GridStage;
import org.scalesweep.jobs.stage.RelativeCurves;
import org.scalesweep.jobs.stage.SimulateStage;
import org.scalesweep.jobs.table.OutputTables;

/**
 * docs/OUTPUTS.md, rendered from {@link org.scalesweep.jobs.table.OutputTables}: every column of
 * every output with its type, nullability and meaning. A column without a meaning below stops the rendering,
 * so a new column cannot reach the docs undescribed.
 */
public final class OutputReference {
  public static final String FILE = "docs/OUTPUTS.md";

  /** One documented output: its path in a run directory, what it holds, its schema. */
  record Output(String path, String about, StructType schema) {}

  static final List<Output> OUTPUTS = List.of(
      new Output("grid.parquet", "One row per model configuration and corpus: the IsoFLOP grid (stage grid).",
          OutputTables.GRID.schema()),
      new Output("runs.parquet", "One row per run, seed replicate and subgroup: what a run measured (stage simulate, "
          + "or ingest). The overall loss is stored once per run under study `overall`, subgroup `overall`.",
          OutputTables.RUNS.schema()),
      new Output("items.parquet", "One row per run, seed, subgroup and evaluation item, for item-level subgroups "
          + "(`items > 0`).", OutputTables.ITEMS.schema()),
      new Output("fits.parquet", "Long format, one row per fitted parameter (stage fit). Laws: `power` "
          + "(E = alpha·F^-beta) and `offset-power` (E + A·F^-alpha) of each subgroup along the frontier "
          + "(`fit_on = frontier`); `chinchilla`, the joint law E + A/N^alpha + B/D^beta by Approach 3 on every run "
          + "replicate (`fit_on = runs`); `approach2`, allocation exponents a (N* ~ C^a) and b (D* ~ C^b) of the "
          + "overall loss.", OutputTables.FITS.schema()),
      new Output("frontier.parquet", "The compute-optimal point of each budget and every subgroup's loss there "
          + "(stage fit).", OutputTables.FRONTIER.schema()),
      new Output("significance.parquet", "One row per contrast (treatment vs baseline, per corpus): Δβ, γ, "
          + "intervals and the sign test (stage bootstrap).", OutputTables.SIGNIFICANCE.schema()),
      new Output("crossovers.parquet", "One row per pair of treatments of a case study and corpus: where their "
          + "relative curves cross (stage bootstrap).", OutputTables.CROSSOVERS.schema()),
      new Output("boot/", "Every resample's statistics, with `bootstrap.write-draws = true`; partitioned by kind, "
          + "study, corpus and treatment (those columns are in the directory names).", OutputTables.DRAWS.schema()),
      new Output("report/runs_summary.csv", "One row per (study, corpus, subgroup, run): losses averaged over seed "
          + "replicates, with the run's configuration (stage report; what the dashboard and notebooks draw).",
          OutputTables.RUNS_SUMMARY.schema()),
      new Output("calibration.parquet", "Loss → accuracy calibration of item-level case studies with an accuracy map "
          + "(stage fit): lib's exact maximum likelihood logistic fit over every item (Newton's method, the reference), "
          + "lib's fit of the same curve on binned items (the cross-check), lib's floored sigmoid, and, with "
          + "`fit.calibration.mllib-check` on, MLlib's logistic regression over every item.", OutputTables.CALIBRATION.schema()),
      new Output("grid.parquet (alignment-pretraining)", "One row per design point of seed 000's experiments, with "
          + "its attributes (null where an experiment has no such attribute). runs.parquet adds `seed` and `loss`.",
          OutputTables.designedGrid(alignmentExample())),
      new Output("grid.parquet (post-training)", "One row per design point of the post-training study; runs.parquet "
          + "adds `seed` and `loss` (the observed error rate or reward).",
          OutputTables.designedGrid(org.scalesweep.posttraining.PostTrainingStudy.defaults())),
      new Output("fits.parquet (designed kinds)", "One row per statistic of the study's analysis on the observed data "
          + "(stage fit), with its value on noiseless data and the source's published figure.", OutputTables.ESTIMATES.schema()),
      new Output("intervals.parquet", "Designed kinds (stage bootstrap): every statistic with its bootstrap interval "
          + "over keyed reweightings of run replicates.", OutputTables.INTERVALS.schema()),
      new Output("frontier.parquet (alignment-pretraining)", "Experiment 3's Approach 2 optimum per budget.",
          OutputTables.DESIGNED_FRONTIER.schema()),
      new Output("calibration_summary.parquet", "Command `calibrate`: one row per cell (kind, truth, scheme, study, "
          + "corpus, statistic) over R replicate sweeps, and per (kind, truth, scheme) a pooled row with statistic "
          + "`all`: false-positive rate or power with exact intervals, coverage, bias, RMSE, lack-of-fit rate.",
          OutputTables.CALIBRATION_SUMMARY.schema()),
      new Output("calibration_unpaired.parquet", "Command `calibrate --unpaired`: the unpaired Δβ test (one subgroup "
          + "between separately trained sweeps) over R replicate pairs per (case study, truth, grids): rejection rate "
          + "(false-positive rate under truth `null`, power under `effect`) and coverage with Monte Carlo intervals over "
          + "whole replicates; subgroup `all` pools the case study's subgroups.", OutputTables.CALIBRATION_UNPAIRED.schema()),
      new Output("advice.parquet", "Command `advise`: one row per candidate addition to the study's design and "
          + "contrast of interest, scored by simulated replicate sweeps of the extended design; ranked by gain per "
          + "FLOP.", OutputTables.ADVICE.schema()),
      new Output("advice_plan.parquet", "Command `advise`: the base design, every step of the greedy plan "
          + "(`advisor`) and every rung of the uniform extensions (`uniform-seeds`, `uniform-configs`), per contrast "
          + "of interest. The runs the plan adds are in the command's `grid.parquet` (grid.parquet's columns; "
          + "`run_id` ends in `/seed-K`, the 0-based seed index).", OutputTables.ADVICE_PLAN.schema()),
      new Output("advice_flags.parquet", "Command `advise` on an ingested suite (`source = ingest`): one row per "
          + "finding, a run whose loss is off its IsoFLOP curve (possibly mis-tuned) or a budget whose optimum the "
          + "trained sizes do not bracket, with the `rerun` or `extend` candidate that answers it (rules in "
          + "docs/ADVISOR.md). Empty when nothing is flagged.", OutputTables.ADVICE_FLAGS.schema()),
      new Output("calibration_replicates.parquet", "Command `calibrate`: one row per replicate and cell: what its "
          + "bootstrap decided.", OutputTables.CALIBRATION_REPLICATES.schema()),
      new Output("report/relative_curves.csv", "Relative curves G(F) of every contrast at the budgets and 22 "
          + "log-spaced points between them, with pointwise bootstrap bands (stage report).", OutputTables.RELATIVE_CURVES.schema()),
      new Output("report/parity.csv", "Parity compute of every contrast: where its relative curve G(F) reaches 1, "
          + "with the Fieller-type confidence set from the same draws as the bands, and G at the smallest and "
          + "largest budget (stage report).", OutputTables.PARITY.schema()));

  private static org.scalesweep.design.DesignedStudy alignmentExample() {
    return new org.scalesweep.alignment.AlignmentStudy(org.scalesweep.alignment.AlignmentDesign.seed000(),
        org.scalesweep.alignment.AlignmentTruth.seed000(), 0.02, 1e-3, 100);
  }

  /** Meaning of a column, by name; "file:column" entries override for one output. */
  static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  private static void col(String name, String meaning) {
    if (COLUMNS.put(name, meaning) != null) {
      throw new IllegalStateException("column " + name + " described twice");
    }
  }

  static {
    col("study", "Case study name (`overall` for the corpus's overall loss).");
    col("corpus", "Training corpus.");
    col("subgroup", "Evaluation subgroup (`overall`: the corpus's overall validation loss).");
    col("run_id", "Run identity, `corpus/budget-dwidth` (e.g. `dclm/1e+18-d768`).");
    col("seed", "Seed replicate index, 0-based.");
    col("budget", "IsoFLOP budget in forward-pass FLOPs: the F of E(F) and G(F).");
    col("width", "Hidden size d.");
    col("depth", "Layers L.");
    col("heads", "Attention heads h = d/128.");
    col("ffn", "GLU intermediate size I = 4d.");
    col("batch", "Sequences per optimiser step B.");
    col("steps", "Optimiser steps.");
    col("tokens", "Training tokens D = B·steps·sequence length.");
    col("params", "Parameters N, every weight counted as the suite's logs do (embeddings included).");
    col("flops_per_token", "Forward FLOPs per token f (the suite's analytic count).");
    col("forward_flops", "Forward FLOPs spent, f·D (within the grid tolerance of the budget).");
    col("flops", "Training FLOPs by the 6ND rule.");
    col("learning_rate", "Peak learning rate η = 0.33·√B/d.");
    col("beta2", "Adam β2 = 0.98^(B/128).");
    col("architecture", "`dWIDTH-LDEPTH`: the cluster unit of the `cluster` bootstrap scheme (by architecture).");
    col("item_id", "Item identity as the input named it (ingested item-level runs); null for simulated items.");
    col("method", "`lib-logistic-exact` (lib's exact maximum likelihood fit of the no-floor logistic over every item: "
        + "the item-level reference; flags not_converged, boundary when the labels are separated, degenerate), "
        + "`lib-logistic-binned` (lib on items binned by ln loss, same no-floor curve: the cross-check), "
        + "`lib-sigmoid-floor` (lib's floored sigmoid, the simulator's form) or, only with `fit.calibration.mllib-check` "
        + "on, `mllib-logistic` (MLlib's logistic regression over every item: an independent check of the exact fit).");
    col("floor", "Chance accuracy of the sigmoid (0 for the plain logistic).");
    col("a", "Sigmoid intercept a in p = floor + (1 − floor)·σ(a − b·ln loss).");
    col("b", "Sigmoid slope b.");
    col("bins", "Bins of ln loss (width 0.01) behind the binned fits.");
    col("max_abs_diff_vs_mllib", "Largest |p − p_ref| over the observed loss range, p_ref the item-level reference "
        + "fit `lib-logistic-exact` (0 for the reference itself; MLlib's fit was the reference before the exact fit, "
        + "hence the name; not comparable for the floored form).");
    col("experiment", "Which experiment of the design the point belongs to.");
    col("compute", "Training compute C = 6ND (alignment) or RL compute (post-training ScaleRL points).");
    col("post_training_compute", "Post-training compute C_pt.");
    col("mixture", "Alignment fraction of pretraining tokens (Experiment 5; 0: no alignment data).");
    col("metric", "HHH metric index: 0 helpful, 1 harmless, 2 honest.");
    col("technique", "Post-training technique: 0 SFT, 1 RLHF.");
    col("rm_params", "Proxy reward-model parameters.");
    col("distance", "d = √KL(π‖π_init).");
    col("held_out", "1 for ScaleRL points held out of the fit (high compute), 0 for points it was fitted on.");
    col("statistic", "Name of a statistic of the study's analysis (see the report for labels).");
    col("truth", "The same statistic computed by the same analysis on noiseless data: what the estimator targets.");
    col("published", "The figure the source paper publishes for this statistic, when it does.");
    col("loss", "Loss in nats (lower is better).");
    col("runs_summary.csv:loss", "Loss in nats, mean over seed replicates.");
    col("accuracy", "Accuracy (share of items right) where the case study maps loss to accuracy; else null.");
    col("runs_summary.csv:accuracy", "Accuracy, mean over seed replicates; null without an accuracy map.");
    col("items", "Items simulated individually for this subgroup (0: run level only).");
    col("item", "Item index within the subgroup.");
    col("correct", "Whether the run answered the item right (null without an accuracy map).");
    col("law", "Law fitted: `power`, `offset-power`, `chinchilla` or `approach2`.");
    col("fit_on", "`frontier`: the compute-optimal points of each budget; `runs`: every run replicate.");
    col("param", "Parameter name (`alpha`, `beta`, `E`, `A`, `B`, `a`, `b`; from fit-runs also each budget's "
        + "Approach 2 optimum `log10_n_opt@C` and `log10_d_opt@C`, log10 of N* and D* at budget C).");
    col("estimate", "Fitted value (NaN only when flagged).");
    col("objective", "Objective at the optimum (summed Huber loss of log residuals, or residual sum of squares).");
    col("r_squared", "Coefficient of determination of the fit (in log space for power laws).");
    col("converged", "Whether the optimiser met its tolerance.");
    col("points", "Data points fitted.");
    col("starts", "Multi-start grid points tried.");
    col("starts_converged", "Starts that converged.");
    col("iterations", "Optimiser iterations of the best start.");
    col("flags", "Comma-separated warnings (e.g. `boundary`, `too_few_points`, `unstable`); empty when clean.");
    col("reason", "Why a row is flagged, in words; empty when clean.");
    col("lack_of_fit_f", "Lack-of-fit F of the relative law across budgets: the per-budget log-ratios at the frontier "
        + "around their fitted line against the within-budget noise of the runs' log-ratios, on (J − 2, Σ(K_j − 3)) "
        + "df (docs/CALIBRATION.md); NaN with fewer than 3 usable budgets or no noise.");
    col("lack_of_fit_p", "P-value of lack_of_fit_f; below alpha the row is flagged `lack_of_fit`: γ·F^Δβ does not "
        + "describe the contrast across budgets and Δβ is an average slope over the studied range.");
    col("tokens_opt", "D* at the budget: vertex of the overall loss's parabola in log10 tokens (clamped into the "
        + "sampled range).");
    col("params_opt", "N* at the budget: vertex of the parabola in log10 params.");
    col("loss_opt", "The subgroup's loss at D* (its own parabola in log10 tokens evaluated there).");
    col("usable", "Whether the budget has a compute-optimal point (≥ 3 sizes, convex parabola).");
    col("extrapolated", "Whether the parabola's vertex lay outside the sampled sizes and was clamped.");
    col("baseline", "Baseline subgroup of the contrast.");
    col("treatment", "Treatment subgroup of the contrast.");
    col("delta_beta", "Δβ = β_baseline − β_treatment (negative: the treatment's gap narrows with compute).");
    col("gamma", "γ = α_treatment/α_baseline: G(F) = γ·F^Δβ with F in FLOPs (so γ is G at F = 1).");
    col("beta_baseline", "β of the baseline's E(F) = α·F^−β along the frontier.");
    col("beta_treatment", "β of the treatment's E(F).");
    col("change_per_decade", "Change of the relative loss per 10× compute as seed 003 quotes it, −(10^Δβ − 1) "
        + "(positive: the gap closes).");
    col("ci_low", "Lower end of the interval chosen by `bootstrap.interval`.");
    col("ci_high", "Upper end of that interval.");
    col("crossovers.parquet:ci_low", "Fieller-type confidence set of log10_crossover (test inversion with the "
        + "bootstrap covariance of log10(γ1/γ2) and Δβ2 − Δβ1): lower end when ci_shape is `bounded`, end of the "
        + "left ray (−∞, ci_low] when `rays`, NaN when `unbounded`.");
    col("crossovers.parquet:ci_high", "Upper end when `bounded`, start of the right ray [ci_high, ∞) when `rays`.");
    col("ci_shape", "`bounded` (the slopes differ significantly), `rays` or `unbounded` (they do not: the curves "
        + "may cross anywhere outside (ci_low, ci_high), or anywhere at all), `not_estimable`.");
    col("failed_resamples", "Resamples whose statistic was not estimable (resamples − valid_resamples). They are "
        + "never dropped silently: counted here, left out of p_value and the intervals (both over the valid ones); "
        + "more than 10% failed flags the row `unstable`.");
    col("q_value", "Benjamini–Hochberg q-value over the case study's contrasts (all corpora): q_value < alpha "
        + "controls the false discovery rate.");
    col("p_holm", "Holm's adjusted p-value over the case study's contrasts: p_holm < alpha controls the "
        + "family-wise error rate.");
    col("ci_method", "`percentile` or `bca`: which interval ci_low/ci_high hold.");
    col("pct_low", "Percentile interval, lower end.");
    col("pct_high", "Percentile interval, upper end.");
    col("bca_low", "BCa interval (jackknife over clusters), lower end.");
    col("bca_high", "BCa interval, upper end.");
    col("std_error", "Bootstrap standard error of Δβ.");
    col("p_value", "Two-sided sign p-value: min(1, 2·min((1+#{Δβ*≤0})/(V+1), (1+#{Δβ*≥0})/(V+1))) over the V valid "
        + "resamples (failures left out, counted in failed_resamples); under `wild-t`/`budget-t`/`budget-wls` the Δβ* are studentized pseudo-draws, so this is the bootstrap-t p-value.");
    col("significant", "p_value < alpha: the sign of Δβ is interpreted.");
    col("alpha", "Significance level of the sign test.");
    col("level", "Confidence level of the intervals.");
    col("resamples", "Bootstrap resamples drawn.");
    col("relative_curves.csv:resamples", "Resamples behind the band (those of the bootstrap stage, at most 2,000).");
    col("valid_resamples", "Resamples whose statistic was estimable.");
    col("scheme", "Bootstrap scheme: `cluster`, `items`, `two-way`, `wild`, `wild-t`, `budget-t` or `budget-wls`.");
    col("cluster_by", "Cluster unit: `architecture` or `configuration`.");
    col("pairing", "`paired`: treatment and baseline subgroups measured on the same models of one sweep (corpus); "
        + "`unpaired`: one subgroup (baseline = treatment) between two separately trained sweeps, corpus = "
        + "`<treatment_sweep> vs <baseline_sweep>`, tested by budget-wls on the budgets both trained "
        + "(docs/USER_GUIDE.md, Unpaired contrasts); q_value and p_holm are adjusted within (case study, pairing).");
    col("baseline_sweep", "Sweep (corpus, recipe or condition) of the baseline; the row's corpus when paired.");
    col("treatment_sweep", "Sweep of the treatment; the row's corpus when paired.");
    col("common_budgets", "Budgets behind the row's Δβ: usable for both subgroups (paired) or trained by both sweeps "
        + "(unpaired; a budget only one sweep trained carries no difference).");
    col("true_delta_beta", "The simulation's true Δβ (null for ingested runs).");
    col("covers_truth", "Whether [ci_low, ci_high] holds the true Δβ (null for ingested runs).");
    col("true_value", "The true value replicates were simulated from (0 under the null truth; for a subgroup with "
        + "its own joint law, the noiseless sweep's slope); a cell's mean over its replicates.");
    col("replicate", "Replicate index r: its sweep and resamples are keyed by (seed, truth, r).");
    col("correct_sign", "Significant with the true sign (never when the truth is 0).");
    col("wrong_sign", "Significant with the wrong sign (a type S error); a cell's count.");
    col("exp_low", "Expanded percentile interval (Hesterberg's small-sample correction), lower end.");
    col("exp_high", "Expanded percentile interval, upper end.");
    col("false_positive_rate", "Under the null truth: replicates with p < alpha (null under the study's truth).");
    col("power", "Under the study's truth: replicates significant with the true sign, among true Δβ ≠ 0.");
    col("power_low", "Exact (Clopper–Pearson) lower bound of power.");
    col("power_high", "Exact upper bound of power.");
    col("calibration_summary.parquet:ci_low", "Exact (Clopper–Pearson) lower bound of the false-positive rate.");
    col("calibration_summary.parquet:ci_high", "Exact upper bound of the false-positive rate.");
    col("coverage_percentile", "Replicates whose percentile interval holds the true value.");
    col("coverage_percentile_low", "Exact lower bound of that coverage.");
    col("coverage_percentile_high", "Exact upper bound of that coverage.");
    col("coverage_bca", "Replicates whose BCa interval holds the true value.");
    col("coverage_bca_low", "Exact lower bound of that coverage.");
    col("coverage_bca_high", "Exact upper bound of that coverage.");
    col("coverage_expanded", "Replicates whose expanded percentile interval holds the true value.");
    col("coverage_expanded_low", "Exact lower bound of that coverage.");
    col("coverage_expanded_high", "Exact upper bound of that coverage.");
    col("bias", "Mean of estimate − true value over replicates (finite estimates).");
    col("spread", "Standard deviation of estimate − true value over replicates.");
    col("mean_std_error", "Mean bootstrap standard error.");
    col("se_ratio", "mean_std_error / spread: below 1 the bootstrap sees less noise than there is.");
    col("rmse", "Root mean squared error of the estimate, √(mean (estimate − true value)²) = √(bias² + spread²·(R−1)/R).");
    col("calibration_replicates.parquet:lack_of_fit_p", "P-value of the replicate's lack-of-fit F-test of the relative "
        + "law (see significance.parquet); null when untestable or not a Δβ row.");
    col("lack_of_fit_rate", "Replicates whose lack-of-fit test rejects the relative law at alpha, among those tested "
        + "(about alpha when the law holds; null when none was tested).");
    col("lack_of_fit_low", "Exact lower bound of lack_of_fit_rate.");
    col("lack_of_fit_high", "Exact upper bound of lack_of_fit_rate.");
    col("fpr_mc_low", "Lower end of the 95% Monte Carlo interval of false_positive_rate computed over whole "
        + "replicates (a ratio estimator: contrasts of one replicate share its baseline, so they are not independent "
        + "trials); null under the study's truths.");
    col("fpr_mc_high", "Upper end of that interval.");
    col("coverage_percentile_mc_low", "Lower end of the whole-replicate 95% Monte Carlo interval of "
        + "coverage_percentile.");
    col("coverage_percentile_mc_high", "Upper end of that interval.");
    col("exact_size", "Size of the discrete two-sided sign test p = (1 + k)/(B + 1) at this B and alpha when k is "
        + "uniform under the null (4.98% at B = 200, alpha = 0.05): the benchmark a calibrated test's "
        + "false_positive_rate should match; null except for Δβ rows under the null truth.");
    col("calibration_summary.parquet:kind", "`delta_beta` (a contrast's Δβ) or `law` (a law parameter of seed 000's design).");
    col("calibration_summary.parquet:truth", "`null` (every contrast's Δβ set to 0) or `study` (the study's own truths).");
    col("calibration_replicates.parquet:kind", "`delta_beta` (a contrast's Δβ) or `law` (a law parameter of seed 000's design).");
    col("calibration_replicates.parquet:truth", "`null` (every contrast's Δβ set to 0) or `study` (the study's own truths).");
    col("treatment_1", "First treatment of the pair.");
    col("treatment_2", "Second treatment of the pair.");
    col("log10_crossover", "log10 of F× = (γ1/γ2)^(1/(Δβ2 − Δβ1)), where the two relative curves cross.");
    col("in_range", "Whether F× lies within the study's budgets.");
    col("kind", "`contrast` (Δβ, γ, β per resample) or `crossover` (log10 F× in delta_beta).");
    col("index", "Contrast (or crossover pair) index within the case study.");
    col("resample", "Resample index b: its weights are keyed by (seed, scope, b).");
    col("loss_sd", "Standard deviation of the loss over seed replicates (null with one replicate).");
    col("replicates", "Seed replicates averaged.");
    col("at_budget", "Whether F is one of the study's budgets (where `observed` exists).");
    col("observed", "E_treatment/E_baseline at the compute-optimal point of the budget (null between budgets).");
    col("fit", "Fitted G(F) = γ·F^Δβ.");
    col("band_low", "Pointwise bootstrap band of G(F): lower percentile of the resampled curves γ*·F^Δβ*.");
    col("band_high", "Upper percentile of the resampled curves.");
    col("log10_parity", "log10 of the parity compute F = γ^(−1/Δβ), where G(F) = 1 (NaN when Δβ = 0).");
    col("parity.csv:ci_low", "Fieller-type confidence set of log10_parity (a = log10 γ, d = −Δβ, bootstrap "
        + "covariance): lower end when ci_shape is `bounded`, end of the left ray when `rays`, NaN when `unbounded`.");
    col("parity.csv:ci_high", "Upper end when `bounded`, start of the right ray when `rays`.");
    col("resolved", "Whether the set is a bounded interval inside the studied budgets: only then is parity located "
        + "(the report flags every other row as unresolved and draws no line for it).");
    col("budget_low", "Smallest studied budget (FLOPs).");
    col("budget_high", "Largest studied budget (FLOPs).");
    col("g_at_low", "Fitted G at budget_low: the treatment's loss relative to the baseline's there.");
    col("g_at_high", "Fitted G at budget_high.");
    col("parity.csv:resamples", "Resamples behind the set (those of the bands, at most 2,000).");
    col("candidate", "What the candidate adds, e.g. `seeds +1 @ 1e+18` (one more seed on every configuration of that "
        + "budget), `budget-below 5e+17 (3 configs x 1 seeds)`, `configs-narrow +2 @ 3e+19`, `items 400`.");
    col("advice.parquet:kind", "`seeds`, `configs-narrow`, `configs-wide`, `budget-below`, `budget-above`, `items`, "
        + "and on an ingested suite `rerun` (a flagged run trained again) or `extend` (configurations on the side of "
        + "a budget's unbracketed optimum).");
    col("advice_flags.parquet:flag", "`off-curve` (a run's residual from the overall loss's fitted joint law beyond "
        + "z·σ̂, z = max(3, Φ⁻¹(1 − 0.01/(2n))) for n configurations), `optimum-outside` (the budget's IsoFLOP vertex N* beyond the trained sizes) or "
        + "`optimum-unplaced` (no vertex: fewer than 3 sizes, or a flat or downward curve).");
    col("advice_flags.parquet:run_id", "The flagged run (the suite's run_id; null for a budget flag).");
    col("advice_flags.parquet:config", "The flagged run as the advisor models it: budget and the width of the nearest "
        + "architecture the grid rules give (the `rerun` candidate's label names it).");
    col("advice_flags.parquet:budget", "The budget (forward FLOPs, as runs.parquet).");
    col("advice_flags.parquet:params", "N of the flagged run (null for a budget flag).");
    col("advice_flags.parquet:value", "Off-curve: the residual r = ln loss − ln L(N, D) − median(r); optimum-outside: "
        + "log10 N* of the parabola's vertex; null otherwise.");
    col("advice_flags.parquet:threshold", "Off-curve: the |r| beyond which a run is flagged, z × σ̂ with σ̂ the "
        + "residuals' robust scale (1.4826 MAD, widened for the law's 5 parameters) and the seed noise of the run's "
        + "mean in quadrature (null for budget flags).");
    col("advice_flags.parquet:sampled_params_low", "Smallest N trained on the budget.");
    col("advice_flags.parquet:sampled_params_high", "Largest N trained on the budget.");
    col("advice_flags.parquet:side", "Budget flags: `above` (the optimum lies at larger N than trained) or `below`.");
    col("advice_flags.parquet:candidate", "The candidate answering the flag (its advice.parquet label; null when "
        + "there is none, e.g. no configuration of the grid rules lies on the optimum's side).");
    col("advice_flags.parquet:candidate_rank", "That candidate's rank in advice.parquet.");
    col("advice_flags.parquet:in_plan", "Whether the greedy plan took that candidate.");
    col("advice_flags.parquet:reason", "Why, in words, with the numbers.");
    col("advice.parquet:budget", "Budget the candidate changes or creates (forward FLOPs; null for items).");
    col("contrast", "Treatment of the contrast of interest (against the case study's baseline).");
    col("advice.parquet:effect", "True Δβ the contrast is simulated with (its configured truth, or `--effect`).");
    col("advice_plan.parquet:effect", "True Δβ the contrast is simulated with (its configured truth, or `--effect`).");
    col("advice.parquet:flops", "Training FLOPs the candidate adds (6ND per run and seed; evaluation FLOPs 2N per "
        + "token for items).");
    col("advice_plan.parquet:flops", "FLOPs of this step (a uniform rung: added over the base).");
    col("expected_width", "Mean width of the Δβ interval over the simulated replicate sweeps of the design.");
    col("expected_power", "Power from the simulated spread of Δβ̂ and the mean interval width: "
        + "E_V Φ((|Δβ| − t_c·se·√(V/df))/sd), V ~ χ²(df) (smooth; see docs/ADVISOR.md).");
    col("power_counted", "Replicates significant at α with the true sign, as a fraction (what `power` reports).");
    col("gain_per_flop", "Simulated gain over the base design per FLOP: capped power gained (objective power) or "
        + "interval width removed (objective width), summed over the contrasts of interest; or the allocation "
        + "exponents' interval widths removed, a's plus b's (objective allocation).");
    col("rank", "Rank by gain per FLOP (1 = best).");
    col("analytic_width", "The analytical screen's expected width (calibrated on the base design's simulation).");
    col("analytic_power", "The analytical screen's power (calibrated on the design the step extends).");
    col("advice.parquet:design", "The extended design: budgets, configurations, seeds per configuration, items.");
    col("advice_plan.parquet:design", "The design: budgets, configurations, seeds per configuration, items.");
    col("advice.parquet:runs", "Training runs of the extended design (configurations × seeds).");
    col("advice_plan.parquet:runs", "Training runs of the design (configurations × seeds).");
    col("advice.parquet:replicates", "Simulated replicate sweeps of the design.");
    col("advice_plan.parquet:replicates", "Simulated replicate sweeps of the design.");
    col("failed_replicates", "Replicates whose estimate or interval was not finite (left out of the moments).");
    col("plan", "`base`, `advisor` (a step of the greedy plan), `uniform-seeds` (k more seeds on every "
        + "configuration) or `uniform-configs` (more configurations on every budget).");
    col("allocation_width_a", "Width of the interval of the overall law's allocation exponent a (N* ∝ F^a): "
        + "2·z·sd of â over the simulated replicate sweeps, â estimated on each by Approach 2 as the fit stage does; "
        + "null when fewer than 2 replicates gave one. What objective `allocation` reduces (with b's).");
    col("allocation_width_b", "The same for the exponent b (D* ∝ F^b).");
    col("failed_allocation", "Replicates whose Approach 2 gave no allocation exponent (left out of its widths).");
    col("advice_plan.parquet:step", "Step of the plan, or k of the uniform ladder (0 for the base).");
    col("advice_plan.parquet:candidate", "What the step adds (null for base and uniform rungs).");
    col("cumulative_flops", "FLOPs added to the base design so far.");
    col("total_flops", "FLOPs of the whole design (base plus additions).");
    col("reaches_target", "Whether every contrast of interest reaches the target power, both expected and counted.");
    col("relative_curves.csv:flops", "Compute F in forward-pass FLOPs (the budgets' scale).");
    col("calibration_unpaired.parquet:corpus", "Corpus whose truth both sweeps are simulated from (the treatment sweep's shifted under `effect`).");
    col("calibration_unpaired.parquet:truth", "`null`: both sweeps share the truth, every rejection is a false positive; `effect`: every "
        + "subgroup scales worse on the treatment sweep by the effect (Δβ = effect), rejections are power.");
    col("calibration_unpaired.parquet:grids", "`equal`: both sweeps on the study's grid; `different`: the treatment sweep on every second "
        + "configuration of each budget (the middle one kept) without the largest budget.");
    col("calibration_unpaired.parquet:subgroup", "Subgroup compared, or `all`: the case study's subgroups pooled (intervals over whole "
        + "replicates, which share their sweeps' noise).");
    col("calibration_unpaired.parquet:replicates", "R: replicate pairs of sweeps in the cell.");
    col("calibration_unpaired.parquet:true_delta_beta", "Δβ of the noiseless pair of sweeps on these grids: what the estimate targets (0 and "
        + "the effect on equal grids; NaN for `all`).");
    col("calibration_unpaired.parquet:rejection_rate", "Share of estimable contrasts whose p < alpha: false-positive rate under `null`, power "
        + "under `effect`.");
    col("calibration_unpaired.parquet:rejection_low", "Lower end of its Monte Carlo interval at level (over whole replicates).");
    col("calibration_unpaired.parquet:rejection_high", "Upper end of that interval.");
    col("calibration_unpaired.parquet:coverage", "Share of estimable contrasts whose t interval holds true_delta_beta.");
    col("calibration_unpaired.parquet:coverage_low", "Lower end of its Monte Carlo interval.");
    col("calibration_unpaired.parquet:coverage_high", "Upper end of that interval.");
    col("calibration_unpaired.parquet:not_estimable", "Contrasts with fewer than 3 budgets both sweeps could use (left out of the rates).");
    col("calibration_unpaired.parquet:mean_estimate", "Mean Δβ̂ over the estimable contrasts.");
    col("calibration_unpaired.parquet:rmse", "Root mean squared error of Δβ̂ about true_delta_beta.");
    col("calibration_unpaired.parquet:mean_std_error", "Mean standard error the test used (compare with rmse).");
    col("calibration_unpaired.parquet:configs_baseline", "Configurations of the baseline sweep's grid.");
    col("calibration_unpaired.parquet:configs_treatment", "Configurations of the treatment sweep's grid.");
    col("calibration_unpaired.parquet:scheme", "`budget-wls` (weights 1/(h_b + h_t)) or `budget-t` (equal weights).");
    col("calibration_unpaired.parquet:alpha", "Significance level of the test.");
    col("calibration_unpaired.parquet:level", "Level of the t intervals and of the Monte Carlo intervals.");
  }

  private OutputReference() {}

  /** The whole reference, Markdown. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Output reference\n\n")
        .append("<!-- Generated from the stages' schemas by org.scalesweep.jobs.docs.OutputReference; do not edit. "
            + "GeneratedDocsTest fails when this file is stale; regenerate with\n")
        .append("     mvn -B -o -q -pl jobs -am test -Dtest=GeneratedDocsTest -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dscalesweep.updateDocs=true -->\n\n")
        .append("Every run writes one directory (`--out DIR`). Parquet files are Spark datasets (read them with "
            + "Spark, DuckDB, pandas + pyarrow, or print them with `bin/scalesweep show DIR/FILE.parquet`). "
            + "`report/` mirrors the small ones as CSV with the same columns (`significance.csv`, "
            + "`crossovers.csv`, `fits.csv`, `frontier.csv`) and adds the two tables below; `manifest.json` holds "
            + "the resolved config, its hash, the version, the Spark master, the seed and each stage's row counts "
            + "and wall time, and under `parts` every file the stage committed with its size, SHA-256 and (Parquet) "
            + "row count: `bin/scalesweep verify DIR` checks them, and `--resume` (or the same `run` again) "
            + "recomputes a stage whose files no longer match. `.lock`, while it exists, names the process writing "
            + "the directory. Same config and seed give the same values on any number of partitions and "
            + "any master.\n\n")
        .append("Types are Spark SQL types; a nullable column may be empty (null) in a row, and doubles may be NaN "
            + "only where `flags` says why.\n");
    List<String> undocumented = new ArrayList<>();
    for (Output o : OUTPUTS) {
      sb.append("\n## `").append(o.path()).append("`\n\n").append(o.about()).append("\n\n")
          .append("| column | type | nullable | meaning |\n|---|---|---|---|\n");
      String file = o.path().substring(o.path().lastIndexOf('/') + 1);
      for (StructField f : o.schema().fields()) {
        String meaning = COLUMNS.getOrDefault(file + ":" + f.name(), COLUMNS.get(f.name()));
        if (meaning == null) {
          undocumented.add(o.path() + ":" + f.name());
          continue;
        }
        sb.append("| `").append(f.name()).append("` | ").append(f.dataType().simpleString()).append(" | ")
            .append(f.nullable() ? "yes" : "no").append(" | ").append(meaning.replace("|", "\\|")).append(" |\n");
      }
    }
    if (!undocumented.isEmpty()) {
      throw new IllegalStateException("columns without a meaning in OutputReference.COLUMNS: " + undocumented);
    }
    return sb.toString();
  }
}
