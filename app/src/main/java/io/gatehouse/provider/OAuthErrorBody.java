package io.gatehouse.provider;

import io.gatehouse.web.ErrorBody;
import io.gatehouse.web.PathFamily;
import io.gatehouse.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a refusal of another layer (the firewall, the container, an unexpected fault) looks like on the provider's
 * paths: OAuth's error JSON ({@code error}, {@code error_description}), as Spring Authorization Server's own
 * answers are, never a page or plain text a client library cannot parse.
 */
@Component
class OAuthErrorBody implements ErrorBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public PathFamily family() {
        return PathFamily.OAUTH;
    }

    @Override
    public Rendered render(HttpServletRequest request, Refusal refusal) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", switch (refusal.status()) {
            case 401 -> "invalid_client";
            case 403 -> "access_denied";
            case 503 -> "temporarily_unavailable";
            default -> refusal.status() >= 500 ? "server_error" : "invalid_request";
        });
        body.put("error_description", refusal.detail());
        return new Rendered("application/json;charset=UTF-8",
                JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
