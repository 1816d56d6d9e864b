package org.scalesweep.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class IsoFlopGridTest {
  private final List<ModelConfig> suite = IsoFlopGrid.suite();

  @Test
  void suiteHasThePublishedCountsPerBudget() {
    assertThat(IsoFlopGrid.countsPerBudget(suite, IsoFlopGrid.SUITE_BUDGETS)).containsExactly(5, 10, 15, 10, 15, 15, 15);
    assertThat(suite).hasSize(85);
  }

  @Test
  void everyConfigurationMeetsItsBudgetAndTheLearningRateCap() {
    for (ModelConfig c : suite) {
      assertThat(Math.abs(c.budgetError())).as("budget error of %s", c).isLessThanOrEqualTo(0.01);
      assertThat(c.learningRate()).as("lr of %s", c).isLessThanOrEqualTo(0.01);
      assertThat(c.batch()).isGreaterThanOrEqualTo(8);
      assertThat(c.tokens()).isEqualTo(c.batch() * c.steps() * 4096L);
      assertThat(c.heads() * 128).isEqualTo(c.width());
      assertThat(c.ffn()).isEqualTo(4 * c.width());
    }
  }

  @Test
  void widthStepsFollowTheBudget() {
    for (ModelConfig c : suite) {
      int step = c.budget() <= 9e18 ? 128 : 256;
      assertThat((c.width() - 512) % step).as("%s", c).isZero();
    }
  }

  @Test
  void matchesTheWorkedExampleOfTheDesign() {
    ModelConfig c = suite.stream().filter(x -> x.budget() == 1e20 && x.width() == 768).findFirst().orElseThrow();
    assertThat(c.depth()).isEqualTo(8);
    assertThat(c.params()).isEqualTo(272_513_792L);
    assertThat(c.batch()).isEqualTo(512);
    assertThat(c.steps()).isEqualTo(106_141);
    assertThat(c.tokens()).isEqualTo(222_593_810_432L);
    assertThat(c.learningRate()).isCloseTo(0.0097227, within(5e-8));
    assertThat(c.beta2()).isCloseTo(Math.pow(0.98, 4), within(1e-15));
  }

  @Test
  void sixNDDiffersFromThreeTimesForwardFlopsByTensOfPercent() {
    for (ModelConfig c : suite) {
      double ratio = c.sixND() / (3 * c.forwardFlops());
      assertThat(ratio).as("%s", c).isBetween(0.9, 1.4);
    }
  }

  @Test
  void rejectsBadBudgetsAndRules() {
    assertThatThrownBy(() -> IsoFlopGrid.configurations(-1e18, GridRules.suite())).hasMessageContaining("-1.0E18");
    assertThatThrownBy(() -> IsoFlopGrid.configurations(List.of(), GridRules.suite())).hasMessageContaining("at least one budget");
    assertThatThrownBy(() -> new GridRules(512, 256, 128, 256, 9e18, 55, 4, 128, 4, 4096, 128256, 16, 0.33, 0.01, 8, 0.01))
        .hasMessageContaining("maxWidth = 256");
    assertThatThrownBy(() -> ComputeAccounting.sixND(-5, 10)).hasMessageContaining("params = -5.0");
  }
}
