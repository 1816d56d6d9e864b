package org.scalesweep.law;

import java.util.List;

/**
 * A parametric scaling law: an immutable value that evaluates itself and names its parameters.
 * Parameter order is fixed per law and is the order of {@link #parameterNames()} and
 * {@link #parameters()}.
 */
public interface Law {
  /** Short identifier, e.g. {@code chinchilla}, {@code power}. */
  String name();

  /** The formula in plain text, e.g. {@code E + A/N^alpha + B/D^beta}. */
  String formula();

  /** Parameter names in a fixed order. */
  List<String> parameterNames();

  /** Parameter values in the order of {@link #parameterNames()}. */
  double[] parameters();

  /** True when every parameter is finite. */
  default boolean isFinite() {
    for (double p : parameters()) {
      if (!Double.isFinite(p)) {
        return false;
      }
    }
    return true;
  }

  /** {@code name(p1=v1, p2=v2, …)} with 6 significant digits. */
  default String describe() {
    StringBuilder sb = new StringBuilder(name()).append('(');
    List<String> names = parameterNames();
    double[] values = parameters();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names.get(i)).append('=').append(String.format(java.util.Locale.ROOT, "%.6g", values[i]));
    }
    return sb.append(')').toString();
  }
}
