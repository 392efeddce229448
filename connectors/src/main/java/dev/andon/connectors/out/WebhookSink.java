package dev.andon.connectors.out;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.connectors.base.ConnectorHealth;
import dev.andon.connectors.base.ConnectorStats;
import dev.andon.connectors.webhook.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.nio.charset.StandardCharsets;

/**
 * POSTs each notification as JSON to a URL (a pager gateway, a chat webhook, a MES): any 2xx is delivered; anything
 * else, or no answer within the timeout, is a failed attempt that {@link Deliveries} retries. Optionally bearer
 * authorisation and an HMAC-SHA256 signature of the body in {@code X-Andon-Signature}.
 */
public final class WebhookSink implements NotificationSink {
    private final String name;
    private final String url;
    private final String bearerToken;
    private final WebhookSignature signature;
    private final NotificationFilter filter;
    private final HttpClientAgent http;
    private final ObjectMapper json;
    private final ConnectorStats stats;
    private volatile boolean enabled;
    private volatile String lastError;

    public WebhookSink(String name, String url, String bearerToken, WebhookSignature signature,
                       NotificationFilter filter, Vertx vertx, ObjectMapper json, ConnectorStats stats) {
        this.name = name;
        this.url = url;
        this.bearerToken = bearerToken;
        this.signature = signature;
        this.filter = filter;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5000));
        this.json = json;
        this.stats = stats;
    }

    @Override
    public Future<Void> send(Notification n) {
        byte[] body;
        try {
            body = json.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        RequestOptions req = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setIdleTimeout(10_000)
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", n.key());
        if (bearerToken != null) {
            req.putHeader("Authorization", "Bearer " + bearerToken);
        }
        if (signature != null) {
            req.putHeader(WebhookSignature.HEADER, signature.sign(body));
        }
        return http.request(req)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().compose(b -> resp.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                        : Future.<Void>failedFuture("HTTP " + resp.statusCode() + " from " + url)))
                .onComplete(ar -> lastError = ar.failed() ? ar.cause().getMessage() : null);
    }

    @Override
    public NotificationFilter filter() {
        return filter;
    }

    @Override
    public ConnectorStats stats() {
        return stats;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "webhook-out";
    }

    @Override
    public void start() {
        enabled = true;
    }

    @Override
    public void stop() {
        enabled = false;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public ConnectorHealth health() {
        return stats.health(name, kind(), "out", enabled, enabled && lastError == null,
                "POST " + url + " on " + filter.events() + (lastError == null ? "" : "; last error: " + lastError));
    }

    @Override
    public void close() {
        stop();
        http.close();
    }
}
