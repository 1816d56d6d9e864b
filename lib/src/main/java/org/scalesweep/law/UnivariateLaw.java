package org.scalesweep.law;

/** A law of one scale variable (compute, tokens, loss, distance …). */
public interface UnivariateLaw extends Law {
  /** The law's value at x. */
  double at(double x);
}
