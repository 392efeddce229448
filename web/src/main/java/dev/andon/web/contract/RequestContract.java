package dev.andon.web.contract;

import dev.andon.core.error.InvalidInputException;
import dev.andon.web.auth.ApiOperation;
import dev.andon.web.auth.BodySchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates every JSON request body against the OpenAPI document served at /openapi.json, so every endpoint refuses
 * a body the same way (400, each problem with its field) before any feature route reads it. The document is parsed
 * by vertx-openapi at start: an operation table that does not make a valid OpenAPI 3.1 document stops the service.
 * Mounted after the guards, so a caller who may not call an operation learns nothing from its schema.
 */
public final class RequestContract {
    private final List<Check> checks;

    private RequestContract(List<Check> checks) {
        this.checks = checks;
    }

    /** One operation's body check: its compiled validator and the raw schema (to word the problems). */
    private record Check(ApiOperation operation, Validator validator, JsonObject schema, boolean required,
                         boolean multipartToo) {
    }

    public static Future<RequestContract> load(Vertx vertx, Map<String, Object> document, List<ApiOperation> operations) {
        JsonObject json = new JsonObject(Json.encode(document));
        return OpenAPIContract.from(vertx, json).map(contract -> {
            List<Check> checks = new ArrayList<>();
            for (ApiOperation op : operations) {
                BodySchema body = op.body();
                if (body == null || body.jsonSchema() == null) {
                    continue;
                }
                Operation described = contract.operation(op.operationId());
                MediaType media = described.getRequestBody().getContent().get("application/json");
                checks.add(new Check(op, contract.getSchemaRepository().validator(media.getSchema()),
                        new JsonObject(Json.encode(body.jsonSchema())), body.required(), body.multipart()));
            }
            return new RequestContract(List.copyOf(checks));
        });
    }

    /** Mounts one body check per operation that takes JSON; call after the guards and before the feature routes. */
    public void mount(Router router) {
        for (Check check : checks) {
            router.route(check.operation().method(), check.operation().path()).handler(ctx -> validate(ctx, check));
        }
    }

    private void validate(RoutingContext ctx, Check check) {
        String type = ctx.request().getHeader("Content-Type");
        if (check.multipartToo() && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            ctx.next(); // the upload reader checks parts; a JSON schema cannot see files
            return;
        }
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            if (check.required()) {
                ctx.fail(new InvalidInputException("(body)", "a JSON body is required"));
            } else {
                ctx.next();
            }
            return;
        }
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (DecodeException e) {
            ctx.next(); // the route's reader says where the JSON broke, with line and column
            return;
        }
        // Bodies are capped (maxBodyBytes) before this runs, so validating on the event loop stays short.
        OutputUnit result = check.validator().validate(value);
        if (Boolean.TRUE.equals(result.getValid())) {
            ctx.next();
        } else {
            ctx.fail(new InvalidInputException(SchemaProblems.of(result, check.schema(), value)));
        }
    }
}
