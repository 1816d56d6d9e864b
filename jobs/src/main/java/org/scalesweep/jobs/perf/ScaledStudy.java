package org.scalesweep.jobs.perf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.jobs.config.Study;

/**
 * Benchmark variants of a study that config overrides cannot express: more corpora (to scale the
 * number of configurations) and no item-level simulation (bootstrap benchmarks need only runs).
 */
final class ScaledStudy {
  private ScaledStudy() {}

  /** Every subgroup simulated at run level only. */
  static Study withoutItems(Study s) {
    List<Study.CaseStudy> cases = s.caseStudies().stream().map(cs -> cs.withSubgroups(cs.subgroups().stream()
        .map(g -> g.with(g.gamma(), g.deltaBeta(), 0)).toList())).toList();
    return s.with(s.corpora(), cases);
  }

  /**
   * {@code n} corpora: the study's own, then copies named {@code <name>-<i>} with the law and
   * per-corpus truths of corpus i mod k. Configurations grow as n × configurations per corpus.
   */
  static Study withCorpora(Study s, int n) {
    List<Study.Corpus> base = s.corpora();
    List<Study.Corpus> corpora = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Study.Corpus b = base.get(i % base.size());
      corpora.add(i < base.size() ? b : new Study.Corpus(b.name() + "-" + i, b.overall()));
    }
    List<Study.CaseStudy> cases = s.caseStudies().stream().map(cs -> cs.withSubgroups(cs.subgroups().stream()
        .map(g -> g.with(extend(g.gamma(), base, corpora), extend(g.deltaBeta(), base, corpora), g.items())).toList()))
        .toList();
    return s.with(corpora, cases);
  }

  private static Map<String, Double> extend(Map<String, Double> perCorpus, List<Study.Corpus> base,
      List<Study.Corpus> corpora) {
    Map<String, Double> out = new LinkedHashMap<>(perCorpus);
    for (int i = 0; i < corpora.size(); i++) {
      out.putIfAbsent(corpora.get(i).name(), perCorpus.get(base.get(i % base.size()).name()));
    }
    return out;
  }
}
