package dev.rewards.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart in {@code rewards/} rendered by Helm's own library, as the objects it would apply. */
final class RenderedChart {

  static final Path CHART = Path.of("rewards").toAbsolutePath();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private RenderedChart() {}

  /** Renders with the chart's defaults and one environment's values file on top. */
  static List<JsonNode> render(String valuesFile) {
    return render(valuesFile, Map.of());
  }

  /** Renders with extra {@code --set} values, as an operator would pass them. */
  static List<JsonNode> render(String valuesFile, Map<String, Object> sets) {
    var template =
        new Helm(CHART)
            .template()
            .withName("rewards")
            .withNamespace("rewards")
            .withValuesFile(CHART.resolve(valuesFile));
    sets.forEach(template::set);
    return parse(template.call());
  }

  /** Every non-empty document of a multi-document YAML stream. */
  static List<JsonNode> parse(String yaml) {
    List<JsonNode> objects = new ArrayList<>();
    try (var documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode object = (JsonNode) documents.next();
        if (object != null && !object.isNull() && !object.isMissingNode()) {
          objects.add(object);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  static String kind(JsonNode object) {
    return object.path("kind").asText();
  }

  static String name(JsonNode object) {
    return kind(object) + "/" + object.path("metadata").path("name").asText();
  }
}
