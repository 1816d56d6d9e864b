package org.scalesweep.grid;

import org.scalesweep.sim.Keys;

/**
 * One training run of an IsoFLOP grid: architecture, optimisation settings and size accounting.
 *
 * <p>{@code params} counts every weight as the suite's logs do (untied input and output embeddings,
 * RMSNorm weights, per-head q/k norms); the laws of ScaleSweep use this N everywhere.
 * {@code flopsPerToken} is the suite's analytic forward count f, so {@code f·tokens} is within the
 * grid tolerance of {@code budget} (forward FLOPs; training FLOPs are about three times that).
 *
 * @param budget nominal forward-FLOP budget of the IsoFLOP curve
 * @param width hidden size d
 * @param depth layers L
 * @param heads attention heads h = d/128
 * @param ffn GLU intermediate size I
 * @param batch sequences per step B
 * @param steps optimiser steps
 * @param tokens training tokens D = B·steps·s
 * @param params parameters N
 * @param flopsPerToken forward FLOPs per token f
 * @param learningRate η = 0.33·√B/d (≤ the cap)
 * @param beta2 Adam β2 = 0.98^(B/128)
 */
public record ModelConfig(
    double budget,
    int width,
    int depth,
    int heads,
    int ffn,
    long batch,
    long steps,
    long tokens,
    long params,
    double flopsPerToken,
    double learningRate,
    double beta2) implements java.io.Serializable {

  /** Forward FLOPs actually spent: f·D. */
  public double forwardFlops() {
    return flopsPerToken * tokens;
  }

  /** Training FLOPs by the 6ND rule (forward 2ND + backward 4ND). */
  public double sixND() {
    return ComputeAccounting.sixND(params, tokens);
  }

  /** Relative deviation of the spent forward FLOPs from the budget. */
  public double budgetError() {
    return (forwardFlops() - budget) / budget;
  }

  /** Stable key of this run (budget, width): the identity of its random draws. */
  public long runKey() {
    return Keys.of(0, Keys.value(budget), width);
  }

  /** Stable key of the architecture (width, depth) shared across budgets: the default bootstrap cluster. */
  public long architectureKey() {
    return Keys.of(1, width, depth);
  }

  /** Short id, e.g. {@code 1e+20-d768}. */
  public String id() {
    return String.format(java.util.Locale.ROOT, "%.0e-d%d", budget, width);
  }

  /** Tokens per parameter D/N. */
  public double tokensPerParam() {
    return (double) tokens / params;
  }
}
