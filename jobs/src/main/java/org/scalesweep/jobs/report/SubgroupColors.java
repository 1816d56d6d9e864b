package org.scalesweep.jobs.report;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scalesweep.jobs.config.Study;

/**
 * The one subgroup → colour map of a case study, used by every static figure and by the dashboard
 * (which receives it as hex in its embedded data): the baseline is always black, the overall loss grey,
 * and every other subgroup keeps the colour of its position in the case study's declaration, whichever
 * subset a figure draws. The palette leaves out {@link Charts#SIGNIFICANT}, which means "significant" only.
 */
public final class SubgroupColors {
  /** Okabe–Ito without black and vermillion, then distinct darker hues (ten treatments before a repeat). */
  static final Color[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
      new Color(204, 121, 167), new Color(86, 180, 233), new Color(140, 86, 75), new Color(127, 127, 127),
      new Color(188, 189, 34), new Color(148, 103, 189), new Color(120, 40, 40)};
  static final Color BASELINE = Color.BLACK;
  static final Color OVERALL = new Color(110, 110, 110);

  private SubgroupColors() {}

  /** Subgroup → colour for a case study, in declaration order (the overall loss included, under "overall"). */
  public static Map<String, Color> of(Study.CaseStudy cs) {
    Map<String, Color> m = new LinkedHashMap<>();
    int k = 0;
    for (Study.SubgroupSpec g : cs.subgroups()) {
      m.put(g.name(), g.name().equals(cs.baseline()) ? BASELINE : PALETTE[Math.floorMod(k++, PALETTE.length)]);
    }
    m.putIfAbsent(Study.OVERALL, OVERALL);
    return m;
  }

  /** A colour as CSS hex, e.g. {@code #0072b2}. */
  public static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
