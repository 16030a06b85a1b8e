package io.gatehouse.scim.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resource type (RFC 7643 section 6): endpoint, core schema and extension schemas, plus the
 * common attributes {@code id} and {@code meta} that belong to every resource without being part of
 * any schema (RFC 7643 section 3.1).
 *
 * <p>{@link #resolve(String)} is the one place that turns a client-spelled attribute name into a
 * canonical one. It accepts any letter case (RFC 7643 section 2.1), an optional schema URN prefix
 * ({@code urn:ietf:params:scim:schemas:core:2.0:User:userName}, RFC 7644 section 3.10), a dotted
 * sub-attribute ({@code name.givenName}) and bare extension attribute names ({@code manager},
 * {@code department}) which Entra uses in its legacy PATCH and POST bodies.
 */
public final class ResourceSchema {

    private final String name;
    private final String endpoint;
    private final String description;
    private final SchemaDefinition core;
    private final List<SchemaDefinition> extensions;
    private final List<AttributeDefinition> commonAttributes;
    // Derived once: resolve() runs for every attribute of every resource read or written.
    private final List<SchemaDefinition> schemas;
    private final List<SchemaDefinition> longestUrnFirst;

    public ResourceSchema(String name, String endpoint, String description, SchemaDefinition core,
                          List<SchemaDefinition> extensions, List<AttributeDefinition> commonAttributes) {
        this.name = name;
        this.endpoint = endpoint;
        this.description = description;
        this.core = core;
        this.extensions = List.copyOf(extensions);
        this.commonAttributes = List.copyOf(commonAttributes);
        List<SchemaDefinition> all = new ArrayList<>();
        all.add(core);
        all.addAll(this.extensions);
        this.schemas = List.copyOf(all);
        // Longest URN first so that no schema URN can shadow a longer one it prefixes.
        all.sort((a, b) -> b.id().length() - a.id().length());
        this.longestUrnFirst = List.copyOf(all);
    }

    public String name() {
        return name;
    }

    public String endpoint() {
        return endpoint;
    }

    public String description() {
        return description;
    }

    public SchemaDefinition core() {
        return core;
    }

    public List<SchemaDefinition> extensions() {
        return extensions;
    }

    public List<AttributeDefinition> commonAttributes() {
        return commonAttributes;
    }

    /** Core schema first, then extensions in declaration order. */
    public List<SchemaDefinition> schemas() {
        return schemas;
    }

    /** The core or extension schema with this URN, ignoring case. */
    public Optional<SchemaDefinition> schema(String urn) {
        for (SchemaDefinition schema : schemas) {
            if (schema.hasId(urn)) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    public Optional<SchemaDefinition> extension(String urn) {
        return extensions.stream().filter(s -> s.hasId(urn)).findFirst();
    }

    /** Resolves {@code attr}, {@code attr.sub}, {@code urn:attr} or {@code urn:attr.sub}; empty when unknown. */
    public Optional<AttributeRef> resolve(String attributeName) {
        if (attributeName == null || attributeName.isBlank()) {
            return Optional.empty();
        }
        String candidate = attributeName.trim();
        for (SchemaDefinition schema : longestUrnFirst) {
            String prefix = schema.id() + ":";
            if (candidate.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return resolveIn(schema, candidate.substring(prefix.length()));
            }
        }
        if (candidate.regionMatches(true, 0, "urn:", 0, 4)) {
            return Optional.empty(); // qualified by a schema this resource type does not have
        }
        Optional<AttributeRef> inCore = resolveIn(core, candidate);
        if (inCore.isPresent()) {
            return inCore;
        }
        for (SchemaDefinition extension : extensions) {
            Optional<AttributeRef> found = resolveIn(extension, candidate);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Resolves {@code attr} or {@code attr.sub} inside one schema of this resource type. */
    public Optional<AttributeRef> resolveIn(SchemaDefinition schema, String attributeName) {
        int dot = attributeName.indexOf('.');
        String top = dot < 0 ? attributeName : attributeName.substring(0, dot);
        boolean extension = !schema.hasId(core.id());
        AttributeDefinition attribute = schema.attribute(top)
                .or(() -> extension ? Optional.empty()
                        : commonAttributes.stream().filter(a -> a.hasName(top)).findFirst())
                .orElse(null);
        if (attribute == null) {
            return Optional.empty();
        }
        if (dot < 0) {
            return Optional.of(new AttributeRef(schema, extension, attribute, null));
        }
        return attribute.subAttribute(attributeName.substring(dot + 1))
                .map(sub -> new AttributeRef(schema, extension, attribute, sub));
    }
}
