package io.gatehouse.scim.core.schema;

import io.gatehouse.scim.core.ScimException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test helpers: JSON literals with single quotes (so Java strings stay readable) and ScimException checks. */
public final class TestJson {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private TestJson() {
    }

    /** Parses JSON written with ' or "; %ENT%, %USER%, %GROUP%, %PATCH% expand to the URNs. */
    public static JsonNode json(String text) {
        return MAPPER.readTree(expand(text));
    }

    public static String expand(String text) {
        return text.replace("%ENT%", ENTERPRISE).replace("%USER%", USER).replace("%GROUP%", GROUP)
                .replace("%PATCH%", PATCH_OP);
    }

    public static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    /** A PatchOp body around the given comma-separated operations. */
    public static JsonNode patch(String operations) {
        return json("{'schemas':['%PATCH%'],'Operations':[" + operations + "]}");
    }

    public static void assertScimError(ThrowingCallable call, String scimType) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.scimType()).as(e.detail()).isEqualTo(scimType);
            org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(scimType.equals("uniqueness") ? 409 : 400);
        });
    }

    public static void assertScimError(ThrowingCallable call, String scimType, String detail) {
        assertScimError(call, scimType);
        assertThatThrownBy(call).hasMessage(detail);
    }
}
