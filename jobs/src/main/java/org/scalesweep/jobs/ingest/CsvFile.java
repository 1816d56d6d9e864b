package org.scalesweep.jobs.ingest;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: a header line, then records; quoted fields may hold commas, quotes ("") and newlines. */
final class CsvFile {
  private CsvFile() {}

  static InputTable parse(String source, String text) {
    List<String[]> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int start = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          if (ch == '\n') {
            line++;
          }
          cell.append(ch);
        }
      } else if (ch == '"' && cell.length() == 0) {
        quoted = true;
        any = true;
      } else if (ch == ',') {
        fields.add(cell.toString());
        cell.setLength(0);
        any = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || cell.length() > 0) {
          fields.add(cell.toString());
          records.add(fields.toArray(String[]::new));
          lines.add(start);
        }
        fields.clear();
        cell.setLength(0);
        any = false;
        line++;
        start = line;
      } else {
        cell.append(ch);
        any = true;
      }
    }
    if (quoted) {
      problems.add(source + ":" + start + ": unterminated quoted field");
    } else if (any || cell.length() > 0) {
      fields.add(cell.toString());
      records.add(fields.toArray(String[]::new));
      lines.add(start);
    }
    if (records.isEmpty()) {
      problems.add(source + ": empty file (a header line is required)");
      return new InputTable(source, List.of(), List.of(), List.of(), problems);
    }
    List<String> header = new ArrayList<>();
    for (String h : records.get(0)) {
      header.add(h.strip().replace("\uFEFF", ""));
    }
    List<Object[]> rows = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      String[] rec = records.get(r);
      String at = source + ":" + lines.get(r);
      if (rec.length != header.size()) {
        problems.add(at + ": " + rec.length + " fields, the header has " + header.size());
        continue;
      }
      rows.add(rec);
      where.add(at);
    }
    return new InputTable(source, List.copyOf(header), rows, where, problems);
  }
}
