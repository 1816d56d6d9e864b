package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartsTest {
  @TempDir
  Path tmp;

  private String svg(XYChart c, String name) throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Charts.write(c, fs, new org.apache.hadoop.fs.Path(tmp.toUri()), name);
    return Files.readString(tmp.resolve(name + ".svg"));
  }

  @Test
  void aLogAxisOverLessThanADecadeIsLabelledAtSeveralTicks() throws Exception {
    // the case XChart's own log axis leaves with one label or none: loss 2.3 to 3.1 over two decades of compute
    XYChart c = Charts.xy("narrow", "compute F (FLOPs)", "loss (nats)", true, true);
    Charts.points(c, "s", new double[] {1e18, 1e19, 1e20}, new double[] {3.1, 2.7, 2.3}, null);
    String svg = svg(c, "narrow");
    assertThat(SvgAxes.yTickLabels(svg)).isGreaterThanOrEqualTo(4);
    assertThat(SvgAxes.xTickLabels(svg)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void logTicksReadAsValues() {
    assertThat(Charts.logTick(18)).isEqualTo("1e18");
    assertThat(Charts.logTick(18.5)).isEqualTo("3.2e18");
    assertThat(Charts.logTick(Math.log10(2.5))).isEqualTo("2.5");
    assertThat(Charts.logTick(0)).isEqualTo("1");
    assertThat(Charts.logTick(Math.log10(2.754))).isEqualTo("2.75");
  }

  @Test
  void theSvgReaderSeesNoLabelsWhereTicksAreHidden() throws Exception {
    // the checker can fail: a chart with its tick labels switched off has none on either axis
    XYChart c = Charts.xy("hidden", "x", "y", false, false);
    Charts.points(c, "s", new double[] {1, 2, 3}, new double[] {1, 4, 9}, null);
    c.getStyler().setAxisTicksVisible(false);
    String svg = svg(c, "hidden");
    assertThat(SvgAxes.yTickLabels(svg)).isZero();
    assertThat(SvgAxes.xTickLabels(svg)).isLessThanOrEqualTo(1); // at most the axis title
  }
}
