package com.example.product;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Gatehouse's product API ({@code /api/v1}, bearer application key): the Spaces of the user's company and, for
 * each, whether this user may open it ({@code /access/check}, answered from Gatehouse's access policy).
 */
@Component
public class GatehouseApi {

    /** A Space the user may open, with their role in it. */
    public record OpenableSpace(String id, String name, String role) {}

    private final RestClient http;

    public GatehouseApi(GatehouseSettings settings) {
        this.http = RestClient.builder().baseUrl(settings.apiUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey()).build();
    }

    /** The Spaces of the company this user may open (the first 100 Spaces; a real product pages with nextCursor). */
    public List<OpenableSpace> openableSpaces(String companyId, String userId) {
        JsonNode spaces = http.get().uri("/companies/{company}/spaces?limit=100", companyId)
                .retrieve().body(JsonNode.class);
        List<OpenableSpace> out = new ArrayList<>();
        for (JsonNode space : spaces.path("data")) {
            if (space.path("archived").asBoolean(false)) {
                continue;
            }
            String spaceId = space.path("id").asString();
            JsonNode check = http.get().uri("/access/check?user={user}&space={space}", userId, spaceId)
                    .retrieve().body(JsonNode.class);
            if (check.path("allowed").asBoolean(false)) {
                out.add(new OpenableSpace(spaceId, space.path("name").asString(), check.path("role").asString(null)));
            }
        }
        return out;
    }
}
