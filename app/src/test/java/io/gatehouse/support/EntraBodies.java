package io.gatehouse.support;

/** Request bodies shaped exactly as Microsoft Entra ID sends them (see shared/entra-provisioning-reference.md). */
public final class EntraBodies {

    private EntraBodies() {}

    public static String user(String userName) {
        String nick = userName.contains("@") ? userName.substring(0, userName.indexOf('@')) : userName;
        return """
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                  "externalId": "%s",
                  "userName": "%s",
                  "active": true,
                  "displayName": "%s Example",
                  "emails": [{"primary": true, "type": "work", "value": "%s"}],
                  "meta": {"resourceType": "User"},
                  "name": {"formatted": "%s Example", "familyName": "Example", "givenName": "%s"},
                  "roles": [],
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"}
                }
                """.formatted(nick, userName, nick, userName, nick, nick);
    }

    public static String group(String displayName) {
        return """
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                              "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                  "externalId": "%s",
                  "displayName": "%s",
                  "members": []
                }
                """.formatted(displayName.replace(' ', '-').toLowerCase(), displayName);
    }

    public static String patch(String operationsJson) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operationsJson + "}";
    }
}
