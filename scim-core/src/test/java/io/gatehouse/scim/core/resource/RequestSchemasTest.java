package io.gatehouse.scim.core.resource;

import static io.gatehouse.scim.core.schema.TestJson.assertScimError;
import static io.gatehouse.scim.core.schema.TestJson.json;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.gatehouse.scim.core.schema.ScimSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A User or Group body must name its resource's core schema in {@code schemas} (RFC 7643 section 3). */
class RequestSchemasTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{'schemas':['%USER%'],'userName':'a'}",
            "{'schemas':['%USER%','%ENT%'],'userName':'a'}",
            "{'Schemas':[' URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER '],'userName':'a'}"})
    void acceptsAUserBodyThatNamesTheUserSchema(String body) {
        assertThatNoException().isThrownBy(() -> RequestSchemas.require(json(body), ScimSchemas.USER_RESOURCE));
    }

    /** Microsoft's provisioning tutorial shows this request: a malformed enterprise URN beside the core one. */
    @Test
    void entrasDocumentedCreateRequestWithItsMalformedEnterpriseUrnIsAccepted() {
        assertThatNoException().isThrownBy(() -> RequestSchemas.require(json(
                "{'schemas':['%USER%','urn:ietf:params:scim:schemas:extension:enterprise:2.0User'],"
                        + "'externalId':'jyoung','userName':'jyoung@testuser.com'}"), ScimSchemas.USER_RESOURCE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{'userName':'a'}", "{'schemas':[],'userName':'a'}", "{'schemas':'%USER%','userName':'a'}",
            "{'schemas':null,'userName':'a'}", "{'schemas':[1],'userName':'a'}",
            "{'schemas':['%GROUP%'],'userName':'a'}", "{'schemas':['%ENT%'],'userName':'a'}"})
    void refusesAUserBodyWithoutTheUserSchemaAsInvalidSyntax(String body) {
        assertScimError(() -> RequestSchemas.require(json(body), ScimSchemas.USER_RESOURCE), "invalidSyntax");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{'displayName':'g'}", "{'schemas':['%USER%'],'displayName':'g'}"})
    void refusesAGroupBodyWithoutTheGroupSchema(String body) {
        assertScimError(() -> RequestSchemas.require(json(body), ScimSchemas.GROUP_RESOURCE), "invalidSyntax");
    }

    /** Entra creates groups naming its own ADSCIM URI beside the core Group schema. */
    @Test
    void entrasGroupCreateWithItsAdscimUriBesideTheGroupSchemaIsAccepted() {
        assertThatNoException().isThrownBy(() -> RequestSchemas.require(json(
                "{'schemas':['%GROUP%','http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],"
                        + "'displayName':'g'}"), ScimSchemas.GROUP_RESOURCE));
    }
}
