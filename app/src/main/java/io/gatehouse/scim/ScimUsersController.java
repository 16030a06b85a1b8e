package io.gatehouse.scim;

import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.directory.Page;
import io.gatehouse.directory.PageWithGroups;
import io.gatehouse.scim.core.schema.ScimSchemas;
import io.gatehouse.directory.UserRecord;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Users endpoints (RFC 7644 section 3); a thin adapter over {@link ScimUserService}. */
@RestController
@RequestMapping({"/scim/v2/Users", "/scim/Users"})
class ScimUsersController {

    private final ScimUserService service;
    private final ScimRenderer renderer;
    private final ScimJson json;
    private final GatehouseProperties properties;
    private final Clock clock;

    ScimUsersController(ScimUserService service, ScimRenderer renderer, ScimJson json,
                        GatehouseProperties properties, Clock clock) {
        this.service = service;
        this.renderer = renderer;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<byte[]> create(HttpServletRequest request) throws IOException {
        ScimRequest scim = ScimRequest.of(request);
        UserRecord user = service.create(scim.company(), body(request));
        scim.resource("User", user.id().toString());
        scim.outcome("created " + user.userName());
        HttpHeaders headers = headers(user);
        headers.setLocation(URI.create(renderer.userLocation(user.id())));
        return json.respond(HttpStatus.CREATED, renderer.user(user, List.of()), headers);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> get(@PathVariable String id, HttpServletRequest request,
                               @RequestParam(required = false) String attributes,
                               @RequestParam(required = false) String excludedAttributes,
                               @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        ScimRequest scim = ScimRequest.of(request);
        scim.resource("User", id);
        PageWithGroups found = service.get(scim.company(), ResourceIds.parse(id, "User"));
        UserRecord user = found.page().items().get(0);
        if (Etags.matchesNoneMatch(ifNoneMatch, user.version())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers(user)).build();
        }
        ObjectNode out = Projection.apply(ScimSchemas.USER_RESOURCE, renderer.user(user, found.groupsOf(user.id())),
                attributes, excludedAttributes);
        return json.respond(HttpStatus.OK, out, headers(user));
    }

    @GetMapping
    ResponseEntity<byte[]> list(HttpServletRequest request) {
        ScimRequest scim = ScimRequest.of(request);
        ListQuery query = ListQuery.from(request, properties.scim().defaultCount(), properties.scim().maxResults());
        int offset = query.offset("Users", clock);
        String attributes = query.attributes();
        String excludedAttributes = query.excludedAttributes();
        PageWithGroups found = service.list(scim.company(), query, offset,
                Projection.wants(ScimSchemas.USER_RESOURCE, attributes, excludedAttributes, "groups"));
        Page<UserRecord> page = found.page();
        ArrayNode resources = json.array();
        for (UserRecord user : page.items()) {
            resources.add(Projection.apply(ScimSchemas.USER_RESOURCE, renderer.user(user, found.groupsOf(user.id())),
                    attributes, excludedAttributes));
        }
        scim.outcome(page.total() + " match(es)");
        ObjectNode out = ListResponses.page(json, page.total(), offset, resources,
                query.nextCursor("Users", offset, page.items().size(), page.total(), clock));
        return json.respond(HttpStatus.OK, out, new HttpHeaders());
    }

    @PutMapping("/{id}")
    ResponseEntity<byte[]> replace(@PathVariable String id, HttpServletRequest request,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch)
            throws IOException {
        ScimRequest scim = ScimRequest.of(request);
        scim.resource("User", id);
        UUID userId = ResourceIds.parse(id, "User");
        ScimUserService.Modified modified = service.replace(scim.company(), userId, body(request), ifMatch);
        scim.outcome("replaced " + modified.user().userName() + (modified.user().active() ? "" : " (inactive)"));
        return respondWith(modified);
    }

    @PatchMapping("/{id}")
    ResponseEntity<byte[]> patch(@PathVariable String id, HttpServletRequest request,
                                 @RequestHeader(value = "If-Match", required = false) String ifMatch)
            throws IOException {
        ScimRequest scim = ScimRequest.of(request);
        scim.resource("User", id);
        UUID userId = ResourceIds.parse(id, "User");
        ScimUserService.Modified modified = service.patch(scim.company(), userId, body(request), ifMatch);
        scim.outcome("patched " + modified.user().userName() + (modified.user().active() ? "" : " (inactive)"));
        return respondWith(modified);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        ScimRequest scim = ScimRequest.of(request);
        scim.resource("User", id);
        service.delete(scim.company(), ResourceIds.parse(id, "User"), ifMatch);
        scim.outcome("deleted");
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<byte[]> respondWith(ScimUserService.Modified modified) {
        return json.respond(HttpStatus.OK, renderer.user(modified.user(), modified.groups()), headers(modified.user()));
    }

    private tools.jackson.databind.JsonNode body(HttpServletRequest request) throws IOException {
        return json.readBody(request, properties.scim().maxPayloadBytes());
    }

    private static HttpHeaders headers(UserRecord user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(Etags.of(user.version()));
        return headers;
    }
}
