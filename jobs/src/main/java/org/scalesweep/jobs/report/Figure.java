package org.scalesweep.jobs.report;

/**
 * A figure of the report, written as {@code figures/<file>.png} and {@code .svg}.
 *
 * @param section the study (or "overall") it belongs to
 * @param file base name without extension
 * @param caption what it shows
 */
public record Figure(String section, String file, String caption) {
  public String png() {
    return "figures/" + file + ".png";
  }

  public String svg() {
    return "figures/" + file + ".svg";
  }
}
