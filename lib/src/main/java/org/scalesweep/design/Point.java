package org.scalesweep.design;

import java.util.Map;

/**
 * One run configuration of a designed experiment: which experiment, a stable id (it keys the run's
 * random draws) and its numeric attributes (sizes, compute, distance …), in a fixed column order.
 */
public record Point(String experiment, String id, Map<String, Double> attributes) implements java.io.Serializable {
  public Point {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }

  /** An attribute, NaN when the point does not have it. */
  public double get(String name) {
    Double v = attributes.get(name);
    return v == null ? Double.NaN : v;
  }
}
