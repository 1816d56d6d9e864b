package org.scalesweep.jobs.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.config.Study;

/**
 * The JSON embedded in dashboard.html: the study's settings and the tables the panels draw
 * (runs summary, frontier, power-law fits along the frontier, significance, crossovers, relative
 * curves), each columnar.
 */
final class DashboardData {
  private final Map<String, String> tables = new LinkedHashMap<>();
  private final Study study;

  DashboardData(Study study) {
    this.study = study;
  }

  /** Adds a table under {@code name}. */
  DashboardData table(String name, StructType schema, List<Row> rows) {
    tables.put(name, Json.table(schema, rows));
    return this;
  }

  String toJson() {
    Study.BootstrapSettings bs = study.bootstrap();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("study", Json.of(study.name()));
    meta.put("title", Json.of(study.reportTitle()));
    meta.put("description", Json.of(study.description()));
    meta.put("config_hash", Json.of(study.configHash()));
    meta.put("seed", Json.of(study.seed()));
    meta.put("replicates", Json.of(study.replicates()));
    meta.put("source", Json.of(study.source()));
    meta.put("resamples", Json.of(bs.resamples()));
    meta.put("scheme", Json.of(bs.scheme().key()));
    meta.put("cluster_by", Json.of(bs.clusterBy().key()));
    meta.put("interval", Json.of(bs.interval().key()));
    meta.put("level", Json.of(bs.level()));
    meta.put("alpha", Json.of(bs.alpha()));
    meta.put("significant_color", Json.of(SubgroupColors.hex(Charts.SIGNIFICANT)));
    meta.put("not_significant_color", Json.of(SubgroupColors.hex(Charts.NOT_SIGNIFICANT)));
    meta.put("budget_low", Json.of(study.budgets().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
    meta.put("budget_high", Json.of(study.budgets().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
    meta.put("case_studies", "[" + study.caseStudies().stream().map(DashboardData::caseStudy)
        .collect(Collectors.joining(",")) + "]");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("meta", Json.object(meta));
    all.put("tables", Json.object(tables));
    return Json.object(all);
  }

  private static String caseStudy(Study.CaseStudy cs) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", Json.of(cs.name()));
    m.put("description", Json.of(cs.description()));
    m.put("baseline", Json.of(cs.baseline()));
    m.put("subgroups", "[" + cs.subgroups().stream().map(s -> Json.of(s.name())).collect(Collectors.joining(","))
        + "]");
    // the static figures' colours, so that a subgroup looks the same in both
    Map<String, String> colors = new LinkedHashMap<>();
    SubgroupColors.of(cs).forEach((k, v) -> colors.put(k, Json.of(SubgroupColors.hex(v))));
    m.put("colors", Json.object(colors));
    return Json.object(m);
  }
}
