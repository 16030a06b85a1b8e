package io.gatehouse.scim;

import io.gatehouse.config.GatehouseProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.schema.DiscoveryDocuments;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.SchemaDefinition;
import io.gatehouse.scim.core.schema.ScimSchemas;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discovery (RFC 7644 section 4): advertises exactly what is implemented. Anything else under
 * {@code /scim} is a SCIM 404, so a mistyped tenant URL gets an answer an IdP log can show.
 */
@RestController
@RequestMapping({"/scim/v2", "/scim"})
class ScimDiscoveryController {

    private static final Pattern RESOURCE_PATH = Pattern.compile("/scim(/v2)?/(Users|Groups)(/[^/]+)?/?");

    private final ScimJson json;
    private final GatehouseProperties properties;
    private final String base;

    ScimDiscoveryController(ScimJson json, GatehouseProperties properties) {
        this.json = json;
        this.properties = properties;
        this.base = properties.scimBaseUrl();
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<byte[]> serviceProviderConfig() {
        GatehouseProperties.Scim limits = properties.scim();
        ObjectNode c = json.object();
        c.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        c.put("documentationUri", properties.baseUrl() + "/docs/scim");
        c.putObject("patch").put("supported", true);
        c.putObject("bulk").put("supported", false).put("maxOperations", 0)
                .put("maxPayloadSize", limits.maxPayloadBytes());
        c.putObject("filter").put("supported", true).put("maxResults", limits.maxResults());
        c.putObject("changePassword").put("supported", false);
        c.putObject("sort").put("supported", true);
        c.putObject("etag").put("supported", true);
        // RFC 9865: cursor pagination beside index pagination.
        c.putObject("pagination")
                .put("cursor", true)
                .put("index", true)
                .put("defaultPaginationMethod", "index")
                .put("defaultPageSize", limits.defaultCount())
                .put("maxPageSize", limits.maxResults())
                .put("cursorTimeout", CursorCodec.TIMEOUT.toSeconds());
        ArrayNode schemes = c.putArray("authenticationSchemes");
        schemes.addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "The secret token issued for your company by the support team.")
                .put("primary", true);
        c.putObject("meta").put("resourceType", "ServiceProviderConfig")
                .put("location", base + "/ServiceProviderConfig");
        return ok(c);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<byte[]> resourceTypes() {
        return ok(list(DiscoveryDocuments.resourceTypes(base)));
    }

    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<byte[]> resourceType(@PathVariable String name) {
        for (ResourceSchema type : ScimSchemas.resourceTypes()) {
            if (type.name().equalsIgnoreCase(name)) {
                return ok(DiscoveryDocuments.resourceType(type, base));
            }
        }
        throw ScimException.notFound("Resource type " + name + " not found.");
    }

    @GetMapping("/Schemas")
    ResponseEntity<byte[]> schemas() {
        return ok(list(DiscoveryDocuments.schemas(base)));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<byte[]> schema(@PathVariable String id) {
        for (SchemaDefinition schema : ScimSchemas.all()) {
            if (schema.id().equalsIgnoreCase(id)) {
                return ok(DiscoveryDocuments.schema(schema, base));
            }
        }
        throw ScimException.notFound("Schema " + id + " not found.");
    }

    /** Anything not mapped: a method a resource endpoint does not support (405), or no such endpoint (404). */
    @RequestMapping("/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        if (RESOURCE_PATH.matcher(request.getRequestURI()).matches()) {
            throw new ScimException(405, null, "Method " + request.getMethod() + " is not supported on "
                    + request.getRequestURI() + ".");
        }
        throw ScimException.notFound("No such SCIM endpoint. The tenant URL is " + base
                + " (resources: /Users, /Groups).");
    }

    private ObjectNode list(ArrayNode resources) {
        return ListResponses.of(json, resources.size(), 0, resources);
    }

    private ResponseEntity<byte[]> ok(ObjectNode body) {
        return json.respond(HttpStatus.OK, body, new HttpHeaders());
    }
}
