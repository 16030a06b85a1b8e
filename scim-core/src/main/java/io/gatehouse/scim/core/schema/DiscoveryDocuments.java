package io.gatehouse.scim.core.schema;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the discovery resources: Schema resources for {@code /Schemas} (RFC 7643 section 7) and
 * ResourceType resources for {@code /ResourceTypes} (RFC 7643 section 6). The app wraps the arrays
 * in a ListResponse. Entra reads {@code /Schemas} when the provisioning configuration is saved; it
 * asks for camelCase characteristic values and no JSON nulls, so every key is always written with a
 * concrete value.
 */
public final class DiscoveryDocuments {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DiscoveryDocuments() {
    }

    /**
     * @param baseUrl the SCIM base URL (e.g. {@code https://host/scim/v2}); meta.location is
     *                {@code baseUrl + "/Schemas/" + urn}. Null leaves location out.
     */
    public static ArrayNode schemas(String baseUrl) {
        ArrayNode out = JSON.arrayNode();
        for (SchemaDefinition schema : ScimSchemas.all()) {
            out.add(schema(schema, baseUrl));
        }
        return out;
    }

    public static ObjectNode schema(SchemaDefinition schema, String baseUrl) {
        ObjectNode node = JSON.objectNode();
        node.putArray("schemas").add(ScimSchemas.SCHEMA_URN);
        node.put("id", schema.id());
        node.put("name", schema.name());
        node.put("description", schema.description());
        node.set("attributes", attributes(schema.attributes()));
        node.set("meta", meta("Schema", baseUrl, "/Schemas/" + schema.id()));
        return node;
    }

    public static ArrayNode resourceTypes(String baseUrl) {
        ArrayNode out = JSON.arrayNode();
        for (ResourceSchema type : ScimSchemas.resourceTypes()) {
            out.add(resourceType(type, baseUrl));
        }
        return out;
    }

    public static ObjectNode resourceType(ResourceSchema type, String baseUrl) {
        ObjectNode node = JSON.objectNode();
        node.putArray("schemas").add(ScimSchemas.RESOURCE_TYPE_URN);
        node.put("id", type.name());
        node.put("name", type.name());
        node.put("endpoint", type.endpoint());
        node.put("description", type.description());
        node.put("schema", type.core().id());
        ArrayNode extensions = node.putArray("schemaExtensions");
        for (SchemaDefinition extension : type.extensions()) {
            extensions.addObject().put("schema", extension.id()).put("required", false);
        }
        node.set("meta", meta("ResourceType", baseUrl, "/ResourceTypes/" + type.name()));
        return node;
    }

    private static ArrayNode attributes(List<AttributeDefinition> attributes) {
        ArrayNode out = JSON.arrayNode();
        for (AttributeDefinition attribute : attributes) {
            out.add(attribute(attribute));
        }
        return out;
    }

    private static ObjectNode attribute(AttributeDefinition a) {
        ObjectNode node = JSON.objectNode();
        node.put("name", a.name());
        node.put("type", a.type().scimName());
        node.put("multiValued", a.multiValued());
        node.put("description", a.description());
        node.put("required", a.required());
        node.put("caseExact", a.caseExact());
        node.put("mutability", a.mutability().scimName());
        node.put("returned", a.returned().scimName());
        node.put("uniqueness", a.uniqueness().scimName());
        if (!a.canonicalValues().isEmpty()) {
            ArrayNode values = node.putArray("canonicalValues");
            a.canonicalValues().forEach(values::add);
        }
        if (!a.referenceTypes().isEmpty()) {
            ArrayNode types = node.putArray("referenceTypes");
            a.referenceTypes().forEach(types::add);
        }
        if (a.isComplex()) {
            node.set("subAttributes", attributes(a.subAttributes()));
        }
        return node;
    }

    private static ObjectNode meta(String resourceType, String baseUrl, String relative) {
        ObjectNode meta = JSON.objectNode();
        meta.put("resourceType", resourceType);
        if (baseUrl != null) {
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            meta.put("location", base + relative);
        }
        return meta;
    }
}
