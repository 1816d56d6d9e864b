package org.scalesweep.jobs.stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.law.JointLaw;

/**
 * Survey behind docs/PERFORMANCE.md §7e (not a CI test; runs with -Dscalesweep.survey=true): each
 * subgroup of a study (default the flagship, -Dsurvey.conf=quick.conf for another) fitted cold and
 * warm-started from its corpus's overall fit with k = 0, 1, 2, 3, 5, 25 extra starts; prints and writes
 * to jobs/target/warm-keep-survey-CONF.txt how many reach the cold objective and the thread CPU of each.
 */
@EnabledIfSystemProperty(named = "scalesweep.survey", matches = "true")
class WarmKeepSurvey {
  @Test
  void survey() throws Exception {
    String conf = System.getProperty("survey.conf", "relative-scaling.conf");
    Study study = TestStudies.load(conf);
    Path dir = Path.of(System.getProperty("survey.dir", "target/warm-keep-survey-" + conf));
    if (!Files.exists(dir.resolve("runs.parquet"))) {
      Pipeline.execute(study, SparkTestSession.get(), dir.toString(), List.of(new GridStage(), new SimulateStage()), false);
    }
    Map<String, List<RunObservation>> groups = new TreeMap<>();
    for (Row r : SparkTestSession.get().read().parquet(dir.resolve("runs.parquet").toString()).collectAsList()) {
      RunObservation o = RunObservation.of(r);
      groups.computeIfAbsent(o.corpus() + "|" + o.study() + "|" + o.subgroup(), x -> new ArrayList<>()).add(o);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    JointLawFitter base = FitStage.jointLawFitter(study);
    int[] ks = {0, 1, 2, 3, 5, 25};
    // warm up the JIT
    for (int rep = 0; rep < 2; rep++) {
      for (Map.Entry<String, List<RunObservation>> e : groups.entrySet()) {
        RunPoints p = RunObservation.points(e.getValue());
        if (p.size() >= 5) {
          base.fit(p.params(), p.tokens(), p.loss(), null);
        }
        break;
      }
    }
    int[] reach = new int[ks.length];
    double[] worst = new double[ks.length];
    long[] cpu = new long[ks.length];
    long coldCpu = 0;
    int n = 0;
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<RunObservation>> e : groups.entrySet()) {
      String[] k = e.getKey().split("\\|");
      if (k[1].equals(Study.OVERALL)) {
        continue;
      }
      RunPoints o = RunObservation.points(groups.get(k[0] + "|" + Study.OVERALL + "|" + Study.OVERALL));
      Fit<JointLaw> of = base.fit(o.params(), o.tokens(), o.loss(), null);
      RunPoints p = RunObservation.points(e.getValue());
      long t0 = mx.getCurrentThreadCpuTime();
      Fit<JointLaw> cold;
      try {
        cold = base.fit(p.params(), p.tokens(), p.loss(), null);
      } catch (IllegalArgumentException ex) {
        sb.append(e.getKey()).append(" cold failed: ").append(ex.getMessage()).append('\n');
        continue;
      }
      coldCpu += mx.getCurrentThreadCpuTime() - t0;
      n++;
      sb.append(String.format("%-40s cold %.15g (%s)", e.getKey(), cold.objective(), cold.flags()));
      for (int i = 0; i < ks.length; i++) {
        long t1 = mx.getCurrentThreadCpuTime();
        Fit<JointLaw> w = base.withWarmKeep(ks[i]).fit(of.law(), p.params(), p.tokens(), p.loss(), null);
        cpu[i] += mx.getCurrentThreadCpuTime() - t1;
        double rel = (w.objective() - cold.objective()) / Math.abs(cold.objective());
        if (Double.isNaN(cold.objective()) || rel <= 1e-9) {
          reach[i]++;
        }
        if (!(rel <= worst[i])) {
          worst[i] = Double.isNaN(rel) ? worst[i] : Math.max(worst[i], rel);
        }
        sb.append(String.format(" k%d %.2e", ks[i], rel));
      }
      sb.append('\n');
    }
    sb.append(String.format("subgroups %d, cold CPU %.3f s%n", n, coldCpu / 1e9));
    for (int i = 0; i < ks.length; i++) {
      sb.append(String.format("k=%d: reach cold (<=1e-9 rel) %d/%d, worst rel %.3e, CPU %.3f s%n", ks[i], reach[i], n,
          worst[i], cpu[i] / 1e9));
    }
    System.out.println(sb);
    Files.writeString(Path.of("target/warm-keep-survey-" + conf + ".txt"), sb.toString());
  }
}
