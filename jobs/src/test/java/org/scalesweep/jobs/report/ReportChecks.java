package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of a report's files shared by the report tests and the presets test. */
public final class ReportChecks {
  private ReportChecks() {}

  /**
   * A figure has at least three labelled ticks on each axis (two would pass the axis that is labelled at
   * its ends only); a forest plot's y ticks are its rows, one label each, so it needs one at least.
   */
  public static void assertLabelledAxes(Path svg) {
    try {
      String text = Files.readString(svg);
      int minY = svg.getFileName().toString().startsWith("forest-") ? 1 : 3;
      assertThat(SvgAxes.yTickLabels(text)).as("labelled y ticks of %s", svg.getFileName()).isGreaterThanOrEqualTo(minY);
      assertThat(SvgAxes.xTickLabels(text)).as("labelled x ticks of %s", svg.getFileName()).isGreaterThanOrEqualTo(3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
