package org.scalesweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HintsTest {
  @Test
  void recognisesTheUsualCausesAnywhereInTheChain() {
    assertThat(Hints.of(new RuntimeException("Job aborted", new OutOfMemoryError("Java heap space"))))
        .singleElement().asString().contains("SCALESWEEP_JAVA_OPTS=-Xmx16g");
    assertThat(Hints.of(new IllegalStateException("stage failed",
        new IOException("write failed: No space left on device")))).singleElement().asString().contains("disk is full");
    assertThat(Hints.of(new RuntimeException("All masters are unresponsive! Giving up.")))
        .singleElement().asString().contains("bin/local-cluster start");
    assertThat(Hints.of(new RuntimeException("task failed",
        new ClassNotFoundException("org.scalesweep.jobs.stage.BootstrapInput")))).singleElement().asString()
        .contains("-app jar");
  }

  @Test
  void saysNothingItDoesNotKnow() {
    assertThat(Hints.of(new IllegalArgumentException("corpus x has no runs"))).isEmpty();
  }
}
