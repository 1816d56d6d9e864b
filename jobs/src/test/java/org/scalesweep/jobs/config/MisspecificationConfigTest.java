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
  /**
   * Config hashes of the presets captured before the keys existed, updated when the default
   * bootstrap.scheme became budget-wls (a resolved config holds every default, so the presets that do
   * not set the scheme changed too; quick and ingest-example set cluster), when the flagship's case
   * studies gained corpus-vs-corpus contrasts (contrast = both, sweep-pairs = all: relative-scaling and
   * load-10x, which includes it) and alignment-conditions became one sweep per condition, and when the
   * flagship's truths were fixed to agree with seed 003's statements (ICE gaps and population
   * correlations, AI-risk absolute trends).
   */
  private static final Map<String, String> HASHES = Map.of(
      "alignment-conditions.conf", "b3d15fc142492ddbb6e315c6ebf67a39a0068224b9f79e41cb6d1a17d88c8f80",
      "alignment-pretraining.conf", "d22669ce73fa95d725ee04f148a8d89844c46916034aa837aec449c0af7b6c68",
      "ingest-example.conf", "4b92c16ba0b10c04761e1b60ea6d1c79df077c41f66386b814bedbc8a6d4b5d2",
      "load-10x.conf", "5f9a17889f273102975bc4312d357f539e0af660681de1031bad8add0e778348",
      "post-training.conf", "75bfd02ae59ef68200cc7c3ab59fa6f9a5a073e4bebe46506c450e84a1e0f8aa",
      "quick.conf", "9fc6201282cf2a151f479c9e8a4c68e07709d0ca0b8441942fdf7fa218d47f8a",
      "relative-scaling.conf", "70bbe4cb3076b15f05ca6661d590f1f207930e53d602dabf8256c3e0ca3bfb6a");

  private static final List<String> OFF = List.of("noise.sigma-arch=0", "noise.sigma-arch-subgroup=0",
      "noise.sigma-budget=0", "noise.sigma-budget-subgroup=0", "noise.seed-noise-exponent=0",
      "noise.seed-noise-compute-ref=1e18", "noise.mistuned-fraction=0", "noise.mistuned-inflation=0",
      "noise.missing-fraction=0");

  @Test
  void everyPresetKeepsItsResolvedConfigAndHasNoStructuredNoise() {
    Map<String, String> got = new java.util.TreeMap<>();
    for (String preset : HASHES.keySet()) {
      got.put(preset, TestStudies.load(preset).configHash());
    }
    // every preset's hash at once, so one run shows every one that changed
    assertThat(got).isEqualTo(new java.util.TreeMap<>(HASHES));
    for (Map.Entry<String, String> e : HASHES.entrySet()) {
      Study s = TestStudies.load(e.getKey());
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
