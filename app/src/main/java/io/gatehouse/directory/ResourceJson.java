package io.gatehouse.directory;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the stored JSON form of users and groups. */
@Component
class ResourceJson {

    private final JsonMapper mapper;

    ResourceJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(ObjectNode resource) {
        return mapper.writeValueAsString(resource);
    }

    ObjectNode read(String json) {
        return (ObjectNode) mapper.readTree(json);
    }
}
