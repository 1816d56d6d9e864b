package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of a report's files shared by the report tests and the presets test. */
public final class ReportChecks {
  private ReportChecks() {}

  /** A figure has at least two labelled ticks on each axis. */
  public static void assertLabelledAxes(Path svg) {
    try {
      String text = Files.readString(svg);
      assertThat(SvgAxes.yTickLabels(text)).as("labelled y ticks of %s", svg.getFileName()).isGreaterThanOrEqualTo(2);
      assertThat(SvgAxes.xTickLabels(text)).as("labelled x ticks of %s", svg.getFileName()).isGreaterThanOrEqualTo(2);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
