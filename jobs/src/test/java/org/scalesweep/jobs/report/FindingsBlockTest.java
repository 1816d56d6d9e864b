package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class FindingsBlockTest {
  private static final StructType SCHEMA = new StructType().add("p_value", DataTypes.DoubleType)
      .add("valid_resamples", DataTypes.IntegerType).add("pct_low", DataTypes.DoubleType)
      .add("pct_high", DataTypes.DoubleType).add("bca_low", DataTypes.DoubleType).add("bca_high", DataTypes.DoubleType);

  private static Row row(double p, int valid, double pl, double ph, double bl, double bh) {
    return new GenericRowWithSchema(new Object[] {p, valid, pl, ph, bl, bh}, SCHEMA);
  }

  @Test
  void endpointsReadAsThePublishedPercentages() {
    assertThat(FindingsBlock.percent(1.29)).isEqualTo("+29%");
    assertThat(FindingsBlock.percent(1.051)).isEqualTo("+5.1%");
    assertThat(FindingsBlock.percent(0.999)).isEqualTo("-0.1%");
    assertThat(FindingsBlock.flops(20)).isEqualTo("1.0e20");
  }

  @Test
  void aPValueAtTheBootstrapFloorIsWrittenAsABound() {
    // B = 1999 valid resamples: the smallest two-sided p is 2/2000 = 0.001
    assertThat(FindingsBlock.pValue(row(0.001, 1999, 0, 0, 0, 0))).isEqualTo("≤ 0.0010");
    assertThat(FindingsBlock.pValue(row(0.002, 1999, 0, 0, 0, 0))).isEqualTo("0.0020");
    assertThat(FindingsBlock.pValue(row(0.3456, 1999, 0, 0, 0, 0))).isEqualTo("0.346");
  }

  @Test
  void intervalMethodsDisagreeWhenOnlyOneExcludesZero() {
    assertThat(FindingsBlock.methodsDisagree(row(0.04, 199, -0.03, -0.001, -0.031, 0.002))).isTrue();
    assertThat(FindingsBlock.methodsDisagree(row(0.04, 199, -0.03, -0.001, -0.031, -0.0005))).isFalse();
    assertThat(FindingsBlock.methodsDisagree(row(0.4, 199, -0.03, 0.01, -0.031, 0.02))).isFalse();
  }

  @Test
  void divergingColoursAreGreenForNarrowingAndPurpleForWidening() {
    assertThat(FindingsBlock.diverging(0, 1)).isEqualTo("#ffffff");
    String narrow = FindingsBlock.diverging(-1, 1);
    String widen = FindingsBlock.diverging(1, 1);
    assertThat(Integer.parseInt(narrow.substring(3, 5), 16)).isGreaterThan(Integer.parseInt(narrow.substring(1, 3), 16));
    assertThat(Integer.parseInt(widen.substring(1, 3), 16)).isGreaterThan(Integer.parseInt(widen.substring(3, 5), 16));
  }
}
