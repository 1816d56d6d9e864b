package org.scalesweep.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetGroupsTest {
  @Test
  void theSuiteLogsItsSevenNominalBudgetsAndEachGroupsComputeIsWithinOnePercent() {
    List<ModelConfig> suite = IsoFlopGrid.suite();
    double[] flops = suite.stream().mapToDouble(m -> 3 * m.forwardFlops()).toArray();
    BudgetGroups.Result r = new BudgetGroups(BudgetGroups.DEFAULT_TOLERANCE).group(flops);
    assertThat(r.groups()).extracting(BudgetGroups.Group::nominal)
        .containsExactly("1e18", "3e18", "6e18", "1e19", "3e19", "6e19", "1e20");
    assertThat(r.groups()).extracting(BudgetGroups.Group::runs).containsExactly(5, 10, 15, 10, 15, 15, 15);
    for (int i = 0; i < suite.size(); i++) {
      // the grid keeps a configuration only when f·D is within 1% of its budget
      assertThat(r.budgetOf(i) / suite.get(i).budget()).isCloseTo(1, within(0.01));
    }
  }

  @Test
  void theFixedGridMovesNominalBudgetsThatTheGroupsKeep() {
    assertThat(new BudgetGrid(10).budgetOf(9e18)).isEqualTo(3.162278e18);
    BudgetGroups.Result r = new BudgetGroups(0.1).group(new double[] {9e18, 9.2e18, 8.9e18});
    assertThat(r.groups()).singleElement().satisfies(g -> {
      assertThat(g.nominal()).isEqualTo("3e18");
      assertThat(g.compute()).isCloseTo(3.0108e18, within(1e14));
    });
  }

  @Test
  void anOddBudgetKeepsThreeDigits() {
    assertThat(new BudgetGroups(0.05).nominal(4.37e18)).isEqualTo("4.37e18");
    assertThat(new BudgetGroups(0.05).nominal(9.8e18)).isEqualTo("1e19");
  }
}
