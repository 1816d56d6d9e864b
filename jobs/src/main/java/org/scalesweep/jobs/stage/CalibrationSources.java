package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.calib.LawCalibration;
import org.scalesweep.calib.PowerStudy;
import org.scalesweep.calib.SweepCalibration;
import org.scalesweep.calib.SweepDesign;
import org.scalesweep.calib.SweepScope;
import org.scalesweep.jobs.config.Study;

/**
 * A study's calibration and power computations in lib terms, built the same way on the driver and
 * in every executor (a pure function of the study and the command's options).
 */
final class CalibrationSources {
  private CalibrationSources() {}

  /** Every (case study, corpus) of a relative-scaling study (or of the named case studies): truths, contrasts. */
  static SweepCalibration sweep(Study s, List<ResampleScheme> schemes, int resamples, List<String> caseStudies) {
    List<SweepScope> scopes = new ArrayList<>();
    for (Study.CaseStudy cs : s.caseStudies()) {
      if (!caseStudies.isEmpty() && !caseStudies.contains(cs.name())) {
        continue;
      }
      for (Study.Corpus c : cs.contrasts().isEmpty() ? List.<Study.Corpus>of() : s.corpora()) {
        scopes.add(new SweepScope(cs.name(), c.name(), cs.truth(c), cs.contrasts(), Study.OVERALL));
      }
    }
    Study.BootstrapSettings b = s.bootstrap();
    SweepDesign design = new SweepDesign(GridStage.configs(s), s.replicates(), s.noise(), s.structure(), b.clusterBy(),
        b.weights(), resamples, b.level(), b.alpha());
    return new SweepCalibration(s.seed(), scopes, design, schemes, b.block());
  }

  /** Seed 000's law parameters, analysed as the alignment stages do. */
  static LawCalibration law(Study s, int resamples) {
    return new LawCalibration(s.seed(), ((org.scalesweep.alignment.AlignmentStudy) s.designed()).analysis(),
        s.alignment().truth(),
        s.noise().sigmaRun(), s.replicates(), resamples, s.bootstrap().level());
  }

  /** Power of a contrast against a case study's baseline on one corpus. */
  static PowerStudy power(Study s, String caseStudy, String corpus, ResampleScheme scheme, int resamples) {
    Study.CaseStudy cs = s.caseStudy(caseStudy);
    Study.BootstrapSettings b = s.bootstrap();
    return new PowerStudy(s.seed(), cs.truth(s.corpus(corpus)), Study.OVERALL, cs.baseline(), GridStage.configs(s),
        s.noise(), b.clusterBy(), scheme, b.weights(), resamples, b.level(), b.alpha(), b.block());
  }
}
