package org.scalesweep.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** source = ingest: no corpora laws, ingest keys, relative paths. */
class IngestConfigTest {
  @TempDir
  Path tmp;

  private Path conf(String body) throws Exception {
    Path p = tmp.resolve("sub").resolve("s.conf");
    Files.createDirectories(p.getParent());
    Files.writeString(p, "study.name = s\nsource = ingest\ncase-studies.c { baseline = a, subgroups { a {}, b {} } }\n"
        + body);
    return p;
  }

  @Test
  void ingestStudiesNeedNoCorporaAndResolveThePathAgainstTheConfigFile() throws Exception {
    Study s = StudyLoader.load(conf("ingest { path = \"../runs.csv\", columns { loss = val_loss }, budget-grid = 20 }"),
        List.of());
    assertThat(s.ingested()).isTrue();
    assertThat(s.corpora()).isEmpty();
    assertThat(s.ingest().path()).isEqualTo(tmp.resolve("runs.csv").toAbsolutePath().toString());
    assertThat(s.ingest().columns()).containsEntry("loss", "val_loss");
    assertThat(s.ingest().budgetGrid()).isEqualTo(20);
    assertThat(s.ingest().format()).isNull();
    assertThat(s.caseStudy("c").contrasts()).hasSize(1);
  }

  @Test
  void ingestProblemsAreConfigErrors() throws Exception {
    assertThatThrownBy(() -> StudyLoader.load(conf("bootstrap.scheme = items\ningest.format = xls"), List.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(String.join("\n", e.problems()))
            .contains("'ingest.format' = \"xls\" is invalid").contains("one of auto, csv, parquet, jsonl"));
    assertThatThrownBy(() -> StudyLoader.load(conf("bootstrap.scheme = items"), List.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(String.join("\n", e.problems()))
            .contains("source = ingest needs key 'ingest.path'")
            .contains("resamples items, which source = ingest does not support yet; allowed here: cluster"));
  }
}
