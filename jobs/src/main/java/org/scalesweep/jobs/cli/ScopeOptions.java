package org.scalesweep.jobs.cli;

import java.util.List;
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
    return oneOf("--case-study", caseStudy, study.caseStudies().stream().map(Study.CaseStudy::name).toList(), study);
  }

  /** The corpus, checked against the study's (an ingested study's corpora are its data's: null means the first). */
  String corpus(Study study) {
    if (study.ingested()) {
      return corpus;
    }
    return oneOf("--corpus", corpus, study.corpora().stream().map(Study.Corpus::name).toList(), study);
  }

  /** The given name, or the first allowed one when none is given; a name not allowed is a usage error. */
  private static String oneOf(String option, String given, List<String> allowed, Study study) {
    String name = given != null ? given : allowed.get(0);
    if (!allowed.contains(name)) {
      throw new UsageException(option + " '" + name + "' is not in " + study.name() + "; allowed: " + allowed);
    }
    return name;
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
