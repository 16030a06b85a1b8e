package com.example.product;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The product's own copy of the users Gatehouse told it about (webhooks {@code user.*}), by Gatehouse user id.
 * In memory for the example; a real product keeps it in its database.
 */
@Component
public class DirectoryCopy {

    public record LocalUser(String id, String companyId, String userName, String email, String displayName,
                            boolean active) {}

    private final Map<String, LocalUser> users = new ConcurrentHashMap<>();

    /** Applies one event envelope ({@code id, type, companyId, occurredAt, data}). */
    public void apply(JsonNode event) {
        String type = event.path("type").asString("");
        JsonNode user = event.path("data").path("user");
        String id = user.path("id").asString(null);
        if (!type.startsWith("user.") || id == null) {
            return;
        }
        if (type.equals("user.deleted")) {
            users.remove(id);
            return;
        }
        users.put(id, new LocalUser(id, event.path("companyId").asString(null), user.path("userName").asString(null),
                user.path("email").asString(null), user.path("displayName").asString(null),
                !type.equals("user.deactivated") && user.path("active").asBoolean(true)));
    }

    public Optional<LocalUser> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public Collection<LocalUser> all() {
        return List.copyOf(users.values());
    }
}
