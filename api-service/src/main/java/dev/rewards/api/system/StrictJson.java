package dev.rewards.api.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: an unknown field, a duplicate key, {@code 1.5} for a whole
 * number, {@code "100"} for a number or {@code ""} for a time is a 400 naming the field, never a
 * silent guess.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(JsonMapper.Builder builder) {
    builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    for (LogicalType type :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      builder.withCoercionConfig(
          type, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
    builder.withCoercionConfig(
        LogicalType.Textual,
        config -> {
          config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
          config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
          config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        });
    // "" is not a time (it would otherwise read as null, i.e. "now"), nor a number
    for (LogicalType type :
        new LogicalType[] {LogicalType.DateTime, LogicalType.Integer, LogicalType.Float}) {
      builder.withCoercionConfig(
          type, config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
  }
}
