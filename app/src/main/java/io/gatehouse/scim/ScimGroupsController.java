package io.gatehouse.scim;

import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.directory.GroupRecord;
import io.gatehouse.directory.Page;
import io.gatehouse.scim.core.resource.AttributeSelection;
import io.gatehouse.scim.core.schema.ScimSchemas;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Groups endpoints (RFC 7644 section 3); members are loaded only when the response includes them. */
@RestController
@RequestMapping({"/scim/v2/Groups", "/scim/Groups"})
class ScimGroupsController {

    private final ScimGroupService service;
    private final ScimRenderer renderer;
    private final ScimJson json;
    private final GatehouseProperties properties;
    private final Clock clock;

    ScimGroupsController(ScimGroupService service, ScimRenderer renderer, ScimJson json,
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
        ScimGroupService.requireGroups(scim.company());
        GroupRecord group = service.create(scim.company(), body(request));
        scim.resource("Group", group.id().toString());
        scim.outcome("created " + group.displayName());
        HttpHeaders headers = headers(group);
        headers.setLocation(URI.create(renderer.groupLocation(group.id())));
        return json.respond(HttpStatus.CREATED, withMembers(scim, List.of(group), null, null).get(0), headers);
    }

    /**
     * One group. Its members are written to the response while they are read from a database cursor, so a
     * 50,000-member group is never held in memory; the response is therefore sent chunked.
     */
    @GetMapping("/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
             @RequestParam(required = false) String attributes,
             @RequestParam(required = false) String excludedAttributes,
             @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) throws IOException {
        ScimRequest scim = ScimRequest.of(request);
        scim.resource("Group", id);
        ScimGroupService.requireGroups(scim.company());
        GroupRecord group = service.get(scim.company(), ResourceIds.parse(id, "Group"));
        response.setHeader(HttpHeaders.ETAG, Etags.of(group.version()));
        if (Etags.matchesNoneMatch(ifNoneMatch, group.version())) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        StreamedGroupWriter writer = new StreamedGroupWriter(renderer.group(group),
                renderer.member(StreamedGroupWriter.prototypeId(), "display"), attributes, excludedAttributes,
                renderer::userLocation);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(ScimJson.SCIM.toString());
        try (JsonGenerator out = json.mapper().createGenerator(response.getOutputStream())) {
            writer.write(out, sink -> service.streamMembers(scim.company(), List.of(group.id()), sink));
        }
    }

    @GetMapping
    ResponseEntity<byte[]> list(HttpServletRequest request) {
        ScimRequest scim = ScimRequest.of(request);
        ScimGroupService.requireGroups(scim.company());
        ListQuery query = ListQuery.from(request, properties.scim().defaultCount(), properties.scim().maxResults());
        int offset = query.offset("Groups", clock);
        String attributes = query.attributes();
        String excludedAttributes = query.excludedAttributes();
        Page<GroupRecord> page = service.list(scim.company(), query, offset);
        ArrayNode resources = json.array();
        withMembers(scim, page.items(), attributes, excludedAttributes).forEach(resources::add);
        scim.outcome(page.total() + " match(es)");
        ObjectNode out = ListResponses.page(json, page.total(), offset, resources,
                query.nextCursor("Groups", offset, page.items().size(), page.total(), clock));
        return json.respond(HttpStatus.OK, out, new HttpHeaders());
    }

    @PutMapping("/{id}")
    ResponseEntity<byte[]> replace(@PathVariable String id, HttpServletRequest request,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch)
            throws IOException {
        ScimRequest scim = ScimRequest.of(request);
        scim.resource("Group", id);
        ScimGroupService.requireGroups(scim.company());
        GroupRecord group = service.replace(scim.company(), ResourceIds.parse(id, "Group"), body(request), ifMatch);
        scim.outcome("replaced " + group.displayName());
        return json.respond(HttpStatus.OK, withMembers(scim, List.of(group), null, null).get(0), headers(group));
    }

    /** Answered 204 without a body, as Entra expects for group PATCH. */
    @PatchMapping("/{id}")
    ResponseEntity<Void> patch(@PathVariable String id, HttpServletRequest request,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch)
            throws IOException {
        ScimRequest scim = ScimRequest.of(request);
        scim.resource("Group", id);
        ScimGroupService.requireGroups(scim.company());
        GroupRecord group = service.patch(scim.company(), ResourceIds.parse(id, "Group"), body(request), ifMatch);
        scim.outcome("patched " + group.displayName());
        return ResponseEntity.noContent().headers(headers(group)).build();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        ScimRequest scim = ScimRequest.of(request);
        scim.resource("Group", id);
        ScimGroupService.requireGroups(scim.company());
        service.delete(scim.company(), ResourceIds.parse(id, "Group"), ifMatch);
        scim.outcome("deleted");
        return ResponseEntity.noContent().build();
    }

    /** Renders groups, adding members (one query for the whole page) only when the response includes them. */
    private List<ObjectNode> withMembers(ScimRequest scim, List<GroupRecord> groups, String attributes,
                                         String excludedAttributes) {
        Map<UUID, ArrayNode> members = new HashMap<>();
        if (AttributeSelection.wantsMembers(attributes, excludedAttributes) && !groups.isEmpty()) {
            groups.forEach(g -> members.put(g.id(), json.array()));
            service.streamMembers(scim.company(), members.keySet(),
                    m -> members.get(m.groupId()).add(renderer.member(m.userId(), m.display())));
        }
        return groups.stream().map(g -> {
            ObjectNode out = renderer.group(g);
            ArrayNode list = members.get(g.id());
            if (list != null) {
                out.set("members", list);
            }
            return Projection.apply(ScimSchemas.GROUP_RESOURCE, out, attributes, excludedAttributes);
        }).toList();
    }

    private JsonNode body(HttpServletRequest request) throws IOException {
        return json.readBody(request, properties.scim().maxPayloadBytes());
    }

    private static HttpHeaders headers(GroupRecord group) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(Etags.of(group.version()));
        return headers;
    }
}
