package org.scalesweep.jobs.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wide tracker exports to the long canonical form: every column matching a subgroup pattern (a glob
 * with one {@code *}, e.g. {@code eval/*}{@code /loss}) is the loss of the subgroup the {@code *}
 * matched, so one input row (a run) becomes one row per such column with a value, plus the row of
 * its overall loss when the input has the (mapped) {@code loss} column. A captured name
 * {@code all} or {@code overall} is the overall loss.
 */
final class WideSubgroups {
  /** Names of the synthetic columns the long rows carry. */
  static final String SUBGROUP = "\u0000subgroup";
  static final String LOSS = "\u0000loss";

  private WideSubgroups() {}

  /** The long tables, and the column map that reads subgroup and loss from them. */
  record Long(List<InputTable> tables, ColumnMap columns) {}

  static Long apply(List<InputTable> tables, IngestOptions options) {
    List<Pattern> patterns = options.subgroupColumns().stream().map(WideSubgroups::regex).toList();
    ColumnMap map = options.columns();
    List<InputTable> out = new ArrayList<>();
    for (InputTable t : tables) {
      List<Integer> wide = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        for (Pattern p : patterns) {
          Matcher m = p.matcher(t.columns().get(i));
          if (m.matches()) {
            wide.add(i);
            names.add(m.group(1));
            break;
          }
        }
      }
      List<String> problems = new ArrayList<>(t.parseProblems());
      if (wide.isEmpty()) {
        problems.add(t.source() + ": --subgroup-columns " + options.subgroupColumns() + " match no column; columns: "
            + t.columns());
      }
      int overall = t.columns().indexOf(map.source(Canonical.LOSS));
      List<String> columns = new ArrayList<>();
      List<Integer> keep = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        if (!wide.contains(i) && i != overall && !t.columns().get(i).equals(map.source(Canonical.SUBGROUP))) {
          columns.add(t.columns().get(i));
          keep.add(i);
        }
      }
      columns.add(SUBGROUP);
      columns.add(LOSS);
      List<Object[]> rows = new ArrayList<>();
      List<String> where = new ArrayList<>();
      for (int r = 0; r < t.rows().size(); r++) {
        Object[] src = t.rows().get(r);
        if (overall >= 0) {
          rows.add(row(src, keep, Canonical.ALL, src[overall]));
          where.add(t.where().get(r) + " [" + t.columns().get(overall) + "]");
        }
        for (int k = 0; k < wide.size(); k++) {
          Object v = src[wide.get(k)];
          if (!Validator.empty(v)) {
            rows.add(row(src, keep, names.get(k), v));
            where.add(t.where().get(r) + " [" + t.columns().get(wide.get(k)) + "]");
          }
        }
      }
      out.add(new InputTable(t.source(), columns, rows, where, problems));
    }
    Map<Canonical, String> m = new EnumMap<>(Canonical.class);
    m.putAll(map.sources());
    String lossSource = map.sources().get(Canonical.LOSS);
    // the long rows hold the already-read cell; its unit conversion, if any, still applies
    String conversion = lossSource == null ? "" : lossSource.substring(map.source(Canonical.LOSS).length());
    m.put(Canonical.LOSS, LOSS + conversion);
    m.put(Canonical.SUBGROUP, SUBGROUP);
    return new Long(out, new ColumnMap(m));
  }

  private static Object[] row(Object[] src, List<Integer> keep, String subgroup, Object loss) {
    Object[] r = new Object[keep.size() + 2];
    for (int i = 0; i < keep.size(); i++) {
      r[i] = src[keep.get(i)];
    }
    r[keep.size()] = subgroup.equals("overall") ? Canonical.ALL : subgroup;
    r[keep.size() + 1] = loss;
    return r;
  }

  /** A glob with one {@code *} as a regular expression whose group 1 is what {@code *} matched. */
  static Pattern regex(String glob) {
    int star = glob.indexOf('*');
    return Pattern.compile(Pattern.quote(glob.substring(0, star)) + "(.+?)" + Pattern.quote(glob.substring(star + 1)));
  }
}
