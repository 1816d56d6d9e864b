package org.scalesweep.jobs.stage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.config.Study;

/** The report's index.html: self-contained (inline CSS, no network), readable without the Parquet. */
final class ReportHtml {
  private ReportHtml() {}

  static String render(Study study, Map<String, List<Row>> tables, Map<String, StructType> schemas, Manifest manifest) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(esc(study.reportTitle())).append(" — ScaleSweep report</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}\n")
        .append("table{border-collapse:collapse;font-size:13px;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 6px;")
        .append("text-align:right}th{background:#f3f3f3}td.s{text-align:left}tr.sig td{background:#eef7ee}\n")
        .append("p.meta{color:#666;font-size:13px}li{margin:.3em 0}\n</style></head><body>\n");
    h.append("<h1>").append(esc(study.reportTitle())).append("</h1>\n");
    if (!study.description().isBlank()) {
      h.append("<p>").append(esc(study.description())).append("</p>\n");
    }
    Study.BootstrapSettings bs = study.bootstrap();
    h.append(String.format(Locale.ROOT, "<p class=\"meta\">config hash %s · seed %d · %d replicates · %d resamples "
            + "(%s scheme, clusters by %s, %s weights) · %s intervals at %.0f%% · sign test at α = %s</p>\n",
        study.configHash().substring(0, 12), study.seed(), study.replicates(), bs.resamples(), bs.scheme().key(),
        bs.clusterBy().key(), bs.weights().key(), bs.interval().key(), 100 * bs.level(), bs.alpha()));
    List<Row> sig = tables.get(Outputs.SIGNIFICANCE);
    h.append("<h2>Findings</h2>\n<ul>\n");
    for (String f : ReportStage.findings(study, sig)) {
      h.append("<li>").append(esc(f)).append("</li>\n");
    }
    h.append("</ul>\n");
    for (Map.Entry<String, List<Row>> e : tables.entrySet()) {
      String name = e.getKey();
      String csv = name.replace(".parquet", ".csv");
      h.append("<h2>").append(esc(name)).append("</h2>\n<p class=\"meta\">").append(e.getValue().size())
          .append(" rows · <a href=\"").append(csv).append("\">").append(csv).append("</a></p>\n");
      table(h, schemas.get(name), e.getValue(), name.equals(Outputs.SIGNIFICANCE));
    }
    h.append("<p class=\"meta\">Stages: ").append(esc(manifest.stages().keySet().toString())).append("</p>\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void table(StringBuilder h, StructType schema, List<Row> rows, boolean markSignificant) {
    h.append("<table><thead><tr>");
    for (String f : schema.fieldNames()) {
      h.append("<th>").append(esc(f)).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    int sigIndex = markSignificant ? schema.fieldIndex("significant") : -1;
    for (Row r : rows) {
      boolean sig = sigIndex >= 0 && Boolean.TRUE.equals(r.get(sigIndex));
      h.append(sig ? "<tr class=\"sig\">" : "<tr>");
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        boolean text = v instanceof String || v instanceof Boolean;
        h.append(text ? "<td class=\"s\">" : "<td>").append(esc(format(v))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        return String.valueOf(d);
      }
      double a = Math.abs(d);
      return a != 0 && (a >= 1e6 || a < 1e-3) ? String.format(Locale.ROOT, "%.4e", d) : String.format(Locale.ROOT, "%.5g", d);
    }
    return String.valueOf(v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
