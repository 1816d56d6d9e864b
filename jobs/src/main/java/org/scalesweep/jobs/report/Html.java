package org.scalesweep.jobs.report;

/** What the hand-written HTML pages (report, calibration report, dashboard) share. */
public final class Html {
  private Html() {}

  /** A value as HTML text or attribute content: {@code & < > "} escaped. */
  public static String escape(Object o) {
    return String.valueOf(o).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The reports' one stylesheet: tables, significant and flagged rows, meta lines, figures side by side. */
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;"
      + "padding:0 1em;color:#222}\n"
      + "table{border-collapse:collapse;font-size:13px;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 6px;"
      + "text-align:right}th{background:#f3f3f3}td.s{text-align:left}tr.sig td{background:#eef7ee}\n"
      + "td.bad{background:#fbe9e7}p.meta{color:#666;font-size:13px}li{margin:.3em 0}\n"
      + "figure{display:inline-block;margin:.5em;max-width:48%;vertical-align:top}figure img{max-width:100%}"
      + "figcaption{font-size:12px;color:#444}\n"
      + "section.findings{border:2px solid #444;border-radius:6px;padding:.2em 1em 1em;margin:1em 0}"
      + "p.three{font-size:16px;line-height:1.5}table.heat td{text-align:center;min-width:7em}"
      + "table.heat td.na{color:#999}span.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;"
      + "vertical-align:middle}dl.glossary dt{font-weight:bold}dl.glossary dd{margin:0 0 .4em 1.5em}\n";

  /** The opening of a report page, up to and including its heading; {@code tab} is the browser tab's title. */
  public static StringBuilder page(String tab, String heading) {
    return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(escape(tab)).append("</title>\n<style>\n").append(STYLE).append("</style></head><body>\n<h1>")
        .append(escape(heading)).append("</h1>\n");
  }

  /** A figure as a linked PNG (the SVG behind it) with its caption. */
  public static String figure(Figure f) {
    String caption = escape(f.caption());
    return "<figure><a href=\"" + f.svg() + "\"><img src=\"" + f.png() + "\" alt=\"" + caption
        + "\"></a><figcaption>" + caption + "</figcaption></figure>\n";
  }
}
