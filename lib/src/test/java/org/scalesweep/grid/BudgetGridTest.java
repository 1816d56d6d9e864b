package org.scalesweep.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BudgetGridTest {
  @Test
  void runsOfOneSweepShareABudgetAndNeighbouringSweepsDoNot() {
    BudgetGrid g = new BudgetGrid(10);
    // training FLOPs within ±1% of 3 x 1e19 land on the grid point 10^19.0; 3 x 3e19 on 10^19.5
    assertThat(g.budgetOf(3e19 * 0.99)).isEqualTo(1e19).isEqualTo(g.budgetOf(3e19 * 1.01));
    assertThat(g.budgetOf(9e19)).isEqualTo(3.162278e19);
    assertThat(new BudgetGrid(1).budgetOf(9e19)).isEqualTo(1e19);
    assertThatThrownBy(() -> g.budgetOf(0)).hasMessageContaining("positive and finite");
    assertThatThrownBy(() -> new BudgetGrid(0)).hasMessageContaining("1..1000 steps per decade");
  }

  @Test
  void deviationFromSixND() {
    assertThat(BudgetGrid.sixNDDeviation(1e8, 2e9, 1.2e18)).isCloseTo(0, within(1e-15));
    assertThat(BudgetGrid.sixNDDeviation(1e8, 2e9, 1.32e18)).isCloseTo(0.1, within(1e-12));
  }
}
