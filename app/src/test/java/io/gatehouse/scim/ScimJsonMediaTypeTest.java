package io.gatehouse.scim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Content-Type a SCIM write may carry (RFC 7644 section 3.1); anything else is 415. */
class ScimJsonMediaTypeTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null|true", "''|true", "application/scim+json|true", "application/scim+json; charset=utf-8|true",
            "APPLICATION/SCIM+JSON;charset=UTF-8|true", "application/json|true", " application/json ; x=y|true",
            "application/merge-patch+json|true",
            "text/plain|false", "multipart/form-data|false", "multipart/form-data; boundary=x|false",
            "application/x-www-form-urlencoded|false", "application/xml|false", "text/json|false",
            "application/json5|false", "application/+json/x|false", "garbage|false"})
    void acceptsJsonMediaTypesOrNone(String contentType, boolean accepted) {
        assertThat(ScimJson.isJson(contentType)).isEqualTo(accepted);
    }
}
