package org.scalesweep.jobs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.scalesweep.jobs.config.ConfigSchema;
import org.scalesweep.jobs.config.KeySpec;

/**
 * The committed docs/CONFIGURATION.md and docs/OUTPUTS.md are what the code renders now. With
 * -Dscalesweep.updateDocs=true the test rewrites them instead (then commit the result).
 */
class GeneratedDocsTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static void check(String file, Supplier<String> render) throws IOException {
    Path p = ROOT.resolve(file);
    String now = render.get();
    if (Boolean.getBoolean("scalesweep.updateDocs")) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, now);
      return;
    }
    assertThat(p).as(file).exists();
    assertThat(Files.readString(p)).as("%s is stale: regenerate it with mvn -B -o -q -pl jobs -am test "
        + "-Dtest=GeneratedDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dscalesweep.updateDocs=true", file)
        .isEqualTo(now);
  }

  @Test
  void configurationReferenceIsCurrent() throws IOException {
    check(ConfigReference.FILE, ConfigReference::markdown);
  }

  @Test
  void outputReferenceIsCurrent() throws IOException {
    check(OutputReference.FILE, OutputReference::markdown);
  }

  @Test
  void everyConfigKeyAppearsWithItsTypeDefaultAndRange() {
    String md = ConfigReference.markdown();
    for (KeySpec k : ConfigSchema.keys()) {
      String row = md.lines().filter(l -> l.startsWith("| `" + k.pattern() + "` |")).findFirst().orElse(null);
      assertThat(row).as(k.pattern()).isNotNull();
      assertThat(row).contains(k.type().description(), k.allowedText().replace("|", "\\|"));
      assertThat(row).contains(k.required() ? "_required_" : k.defaultValue() == null ? "_none_"
          : "`" + k.defaultValue() + "`");
    }
  }

  @Test
  void everyColumnOfEveryOutputIsDescribed() {
    String md = OutputReference.markdown();
    for (OutputReference.Output o : OutputReference.OUTPUTS) {
      assertThat(md).contains("## `" + o.path() + "`");
      for (String c : o.schema().fieldNames()) {
        assertThat(md).as(o.path() + ":" + c).containsPattern("\\| `" + c + "` \\| \\w+ \\| (yes|no) \\| \\S");
      }
    }
  }
}
