package org.scalesweep.jobs.cli;

import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.jobs.config.Study;
import picocli.CommandLine.Option;

/** Which case study, corpus and bootstrap scheme a simulation command works on (power, advise). */
final class ScopeOptions {
  @Option(names = "--scheme", paramLabel = "cluster|items|two-way|wild|wild-t|budget-t|budget-wls",
      description = "Bootstrap scheme of the test (default: the study's bootstrap.scheme).")
  String scheme;

  @Option(names = "--case-study", paramLabel = "NAME", description = "Case study whose baseline is compared "
      + "(default: the first).")
  String caseStudy;

  @Option(names = "--corpus", paramLabel = "NAME", description = "Corpus (default: the first).")
  String corpus;

  /** The case study, checked against the study's. */
  String caseStudy(Study study) {
    String cs = caseStudy != null ? caseStudy : study.caseStudies().get(0).name();
    if (study.caseStudies().stream().noneMatch(c -> c.name().equals(cs))) {
      throw new UsageException("--case-study '" + cs + "' is not in " + study.name() + "; allowed: "
          + study.caseStudies().stream().map(Study.CaseStudy::name).toList());
    }
    return cs;
  }

  /** The corpus, checked against the study's (an ingested study's corpora are its data's: null means the first). */
  String corpus(Study study) {
    if (study.ingested()) {
      return corpus;
    }
    String co = corpus != null ? corpus : study.corpora().get(0).name();
    if (study.corpora().stream().noneMatch(c -> c.name().equals(co))) {
      throw new UsageException("--corpus '" + co + "' is not in " + study.name() + "; allowed: "
          + study.corpora().stream().map(Study.Corpus::name).toList());
    }
    return co;
  }

  /** The scheme (the study's by default). */
  ResampleScheme scheme(Study study) {
    if (scheme == null) {
      return study.bootstrap().scheme();
    }
    try {
      return ResampleScheme.parse(scheme);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--scheme: " + e.getMessage());
    }
  }
}
