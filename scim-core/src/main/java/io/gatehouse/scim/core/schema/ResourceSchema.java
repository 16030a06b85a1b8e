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
public record ResourceSchema(String name, String endpoint, String description, SchemaDefinition core,
                             List<SchemaDefinition> extensions, List<AttributeDefinition> commonAttributes) {

    public ResourceSchema {
        extensions = List.copyOf(extensions);
        commonAttributes = List.copyOf(commonAttributes);
    }

    /** Core schema first, then extensions in declaration order. */
    public List<SchemaDefinition> schemas() {
        List<SchemaDefinition> all = new ArrayList<>();
        all.add(core);
        all.addAll(extensions);
        return all;
    }

    /** The core or extension schema with this URN, ignoring case. */
    public Optional<SchemaDefinition> schema(String urn) {
        return core.hasId(urn) ? Optional.of(core) : extension(urn);
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
        // The longest URN that prefixes the name, so that no schema URN can shadow a longer one it prefixes.
        // A scan without copying: this runs for every attribute of every resource read or written.
        SchemaDefinition qualifier = prefixes(core, candidate) ? core : null;
        for (SchemaDefinition extension : extensions) {
            boolean longer = qualifier == null || extension.id().length() > qualifier.id().length();
            if (longer && prefixes(extension, candidate)) {
                qualifier = extension;
            }
        }
        if (qualifier != null) {
            return resolveIn(qualifier, candidate.substring(qualifier.id().length() + 1));
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

    /** The schema's URN followed by ':' starts the name, ignoring case. */
    private static boolean prefixes(SchemaDefinition schema, String name) {
        String urn = schema.id();
        return name.length() > urn.length() && name.charAt(urn.length()) == ':'
                && name.regionMatches(true, 0, urn, 0, urn.length());
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
