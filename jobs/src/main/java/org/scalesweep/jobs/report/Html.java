package org.scalesweep.jobs.report;

/** What the hand-written HTML pages (report, calibration report, dashboard) share. */
public final class Html {
  private Html() {}

  /** A value as HTML text or attribute content: {@code & < > "} escaped. */
  public static String escape(Object o) {
    return String.valueOf(o).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A figure as a linked PNG (the SVG behind it) with its caption. */
  public static String figure(Figure f) {
    String caption = escape(f.caption());
    return "<figure><a href=\"" + f.svg() + "\"><img src=\"" + f.png() + "\" alt=\"" + caption
        + "\"></a><figcaption>" + caption + "</figcaption></figure>\n";
  }
}
