package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void tablesAreValidJsonWithNullsForNonFiniteNumbersAndNoWayOutOfTheScriptBlock() throws Exception {
    StructType schema = new StructType().add("name", StringType).add("x", DoubleType);
    String json = Json.table(schema, List.of(row(schema, "a\"b</script><x>\n", 1e18),
        row(schema, null, Double.NaN), row(schema, "c", Double.NEGATIVE_INFINITY)));
    assertThat(json).doesNotContain("</script>").doesNotContain("<");
    JsonNode t = new ObjectMapper().readTree(json);
    assertThat(t.get("columns").toString()).isEqualTo("[\"name\",\"x\"]");
    assertThat(t.at("/rows/0/0").asText()).isEqualTo("a\"b</script><x>\n");
    assertThat(t.at("/rows/0/1").asDouble()).isEqualTo(1e18);
    assertThat(t.at("/rows/1/0").isNull()).isTrue();
    assertThat(t.at("/rows/1/1").isNull()).isTrue();
    assertThat(t.at("/rows/2/1").isNull()).isTrue();
  }

  @Test
  void objectsKeepTheirMembersInOrder() throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("z", Json.of(1));
    m.put("a", Json.of(true));
    m.put("s", Json.of("x"));
    String json = Json.object(m);
    assertThat(json).isEqualTo("{\"z\":1,\n\"a\":true,\n\"s\":\"x\"}");
    assertThat(new ObjectMapper().readTree(json).get("s").asText()).isEqualTo("x");
  }

  /** Spark hands the dashboard rows that carry their schema; columns are read by name. */
  private static Row row(StructType schema, Object... values) {
    return new GenericRowWithSchema(values, schema);
  }
}
