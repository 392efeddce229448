package dev.andon.connectors.replay;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a connector hands an incoming alert document: the same validation and intake as {@code POST /api/alerts}.
 * Returns the stored alert's id; throws {@code InvalidInputException} for a document that is refused.
 */
@FunctionalInterface
public interface AlertSink {
    String accept(JsonNode alertDocument);
}
