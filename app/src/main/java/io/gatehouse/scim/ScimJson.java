package io.gatehouse.scim;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.StorableText;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading SCIM request bodies and writing SCIM responses (always {@code application/scim+json}). */
@Component
public class ScimJson {

    public static final MediaType SCIM = MediaType.parseMediaType("application/scim+json;charset=UTF-8");
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private final JsonMapper mapper;

    ScimJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public JsonMapper mapper() {
        return mapper;
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    /**
     * The body of a SCIM write: its media type must be JSON (RFC 7644 section 3.1: {@code application/scim+json},
     * and {@code application/json} is accepted too) or not given at all; anything else is 415 before the body is read.
     */
    JsonNode readBody(HttpServletRequest request, int maxBytes) throws IOException {
        if (!isJson(request.getContentType())) {
            throw new ScimException(415, null, "Send the request body as application/scim+json (or application/json), "
                    + "not " + request.getContentType() + ".");
        }
        return readBody(request.getInputStream(), maxBytes);
    }

    /** No media type, or application/json, application/scim+json or another {@code application/*+json}. */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json")
                && type.indexOf('/', "application/".length()) < 0);
    }

    /**
     * Reads a JSON object body of at most {@code maxBytes}; anything else is a SCIM error. Bytes that are not
     * well-formed UTF-8 and strings a directory cannot store are {@code invalidValue} (see StorableText).
     */
    JsonNode readBody(InputStream in, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw ScimException.invalidSyntax("The request body could not be read.");
        }
        if (bytes.length > maxBytes) {
            throw payloadTooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw ScimException.invalidSyntax("The request body is empty; a JSON object is required.");
        }
        if (!StorableText.isWellFormedUtf8(bytes, bytes.length)) {
            throw ScimException.invalidValue("The request body is not well-formed UTF-8 (an overlong or truncated "
                    + "sequence, an encoded surrogate or a byte that is never UTF-8); nothing was changed.");
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ScimException.invalidSyntax("The request body must be a JSON object.");
            }
            StorableText.requireStorable(node);
            return node;
        } catch (JacksonException e) {
            // Jackson refuses an escaped unpaired surrogate in a member name itself (in a value it passes it on to
            // StorableText): still text that is not Unicode, so the same invalidValue.
            if (escapesASurrogate(bytes)) {
                throw ScimException.invalidValue("A member name contains an unpaired UTF-16 surrogate (such as "
                        + "\\ud800), which is not text this service can store; nothing was changed.");
            }
            throw ScimException.invalidSyntax("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Whether the body holds a JSON escape of a UTF-16 surrogate ({@code \\uD800} to {@code \\uDFFF}). */
    private static boolean escapesASurrogate(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\\' && bytes[i + 1] == 'u' && (bytes[i + 2] | 0x20) == 'd'
                    && "89abcdefABCDEF".indexOf(bytes[i + 3]) >= 0) {
                return true;
            }
        }
        return false;
    }

    static ScimException payloadTooLarge(int maxBytes) {
        return new ScimException(413, null, "The request body is larger than the maximum of " + maxBytes
                + " bytes advertised in /ServiceProviderConfig.");
    }

    ObjectNode error(int status, String scimType, String detail) {
        ObjectNode error = object();
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", Integer.toString(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return error;
    }

    ResponseEntity<byte[]> errorResponse(ScimException e) {
        return respond(HttpStatus.valueOf(e.status()), error(e.status(), e.scimType(), e.detail()), new HttpHeaders());
    }

    /** The body as UTF-8 bytes straight from Jackson: no intermediate String to build and encode again. */
    ResponseEntity<byte[]> respond(HttpStatus status, JsonNode body, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(SCIM)
                .body(mapper.writeValueAsBytes(body));
    }

    String write(JsonNode node) {
        return mapper.writeValueAsString(node);
    }
}
