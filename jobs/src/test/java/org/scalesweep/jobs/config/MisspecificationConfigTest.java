package org.scalesweep.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.relative.SimulatedCorpus;
import org.scalesweep.relative.SimulatedSweep;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.StructuredNoise;
import org.scalesweep.sim.SubgroupTruth;

/**
 * The misspecification keys: off when unset (every preset keeps its resolved config, hash and
 * simulated values), validated with messages naming key, value and range, and loaded as set.
 */
class MisspecificationConfigTest {
  /** Config hashes of the presets captured before the keys existed. */
  private static final Map<String, String> HASHES = Map.of(
      "alignment-conditions.conf", "e6720235b7ecfbbcc5dfe7243b91847bb517ad55922d9219b5210b6b866b42f3",
      "alignment-pretraining.conf", "a0622c19809939d02aee13a0d8d46dc6e5157ba5a3efdccdc28da0f0b5357faf",
      "ingest-example.conf", "4b92c16ba0b10c04761e1b60ea6d1c79df077c41f66386b814bedbc8a6d4b5d2",
      "load-10x.conf", "7cd275eecb4e5aa0da9694e0fa291f4ac79d4ff23a39ae72d9d6ca44aeca48fe",
      "post-training.conf", "46b1df4bacb99d7840f55951083349c08e72524ca8222bd29a8b659a7ff56e1d",
      "quick.conf", "9fc6201282cf2a151f479c9e8a4c68e07709d0ca0b8441942fdf7fa218d47f8a",
      "relative-scaling.conf", "b689475a65229fba8a25a5ddb1c0aaf2ed815daf635442baf17c6353f29de8bf");

  private static final List<String> OFF = List.of("noise.sigma-arch=0", "noise.sigma-arch-subgroup=0",
      "noise.sigma-budget=0", "noise.sigma-budget-subgroup=0", "noise.seed-noise-exponent=0",
      "noise.seed-noise-compute-ref=1e18", "noise.mistuned-fraction=0", "noise.mistuned-inflation=0",
      "noise.missing-fraction=0");

  @Test
  void everyPresetKeepsItsResolvedConfigAndHasNoStructuredNoise() {
    for (Map.Entry<String, String> e : HASHES.entrySet()) {
      Study s = TestStudies.load(e.getKey());
      assertThat(s.configHash()).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(s.structure()).as(e.getKey()).isEqualTo(StructuredNoise.NONE);
      assertThat(s.caseStudies().stream().flatMap(c -> c.subgroups().stream()).allMatch(g -> g.law() == null))
          .isTrue();
    }
  }

  @Test
  void explicitDefaultsSimulateTheSameValuesAsUnsetKeys() {
    for (String preset : List.of("quick.conf", "relative-scaling.conf")) {
      Study plain = TestStudies.load(preset);
      Study explicit = TestStudies.load(preset, OFF.toArray(String[]::new));
      assertThat(explicit.structure()).isEqualTo(plain.structure());
      Study.CaseStudy cs = plain.caseStudies().get(0);
      CorpusTruth truth = cs.truth(plain.corpora().get(0));
      var configs = org.scalesweep.grid.IsoFlopGrid.configurations(plain.budgets(), plain.rules());
      Simulator sim = new Simulator(plain.seed(), plain.noise());
      SimulatedSweep a = SimulatedCorpus.sweep(sim, truth, configs, plain.replicates(),
          plain.bootstrap().clusterBy(), Study.OVERALL, false);
      SimulatedSweep b = SimulatedCorpus.sweep(new Simulator(explicit.seed(), explicit.noise()), explicit.structure(),
          explicit.caseStudies().get(0).truth(explicit.corpora().get(0)), configs, explicit.replicates(),
          explicit.bootstrap().clusterBy(), Study.OVERALL, false);
      assertThat(b.runs().loss()).as(preset).isDeepEqualTo(a.runs().loss());
    }
  }

  @Test
  void outOfRangeValuesNameKeyValueAndAllowedRange() {
    assertThatThrownBy(() -> TestStudies.load("quick.conf", "noise.missing-fraction=0.95"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("noise.missing-fraction").hasMessageContaining("0.95").hasMessageContaining("[0, 0.9]");
    assertThatThrownBy(() -> TestStudies.load("quick.conf", "noise.seed-noise-exponent=3"))
        .hasMessageContaining("noise.seed-noise-exponent").hasMessageContaining("3").hasMessageContaining("[-2, 2]");
    assertThatThrownBy(() -> TestStudies.load("quick.conf", "noise.sigma-arch=-0.1"))
        .hasMessageContaining("noise.sigma-arch").hasMessageContaining("-0.1");
  }

  @Test
  void aSubgroupLawNeedsAllFiveParametersAndOnlyOnTreatments() {
    assertThatThrownBy(() -> TestStudies.load("quick.conf", "case-studies.demo.subgroups.parallel.law.E=2.0"))
        .hasMessageContaining("case-studies.demo.subgroups.parallel.law").hasMessageContaining("[A, alpha, B, beta]");
    assertThatThrownBy(() -> TestStudies.load("quick.conf", "case-studies.demo.subgroups.base.law.E=2.0",
        "case-studies.demo.subgroups.base.law.A=406", "case-studies.demo.subgroups.base.law.alpha=0.34",
        "case-studies.demo.subgroups.base.law.B=600", "case-studies.demo.subgroups.base.law.beta=0.3"))
        .hasMessageContaining("treatments only");
  }

  @Test
  void theStressPresetLoadsItsMisspecificationsAndAnOwnLawTruth() {
    Study s = TestStudies.load("stress.conf");
    assertThat(s.structure()).isEqualTo(new StructuredNoise(0.015, 0.003, 0.005, 0.002, -0.15, 1e18, 0.1, 0.02, 0.05));
    CorpusTruth t = s.caseStudies().get(0).truth(s.corpora().get(0));
    assertThat(t.subgroups().get(t.indexOf("own-law")).truth()).isInstanceOf(SubgroupTruth.Absolute.class);
    assertThat(t.subgroups().get(t.indexOf("planted")).truth()).isInstanceOf(SubgroupTruth.Relative.class);
  }
}
