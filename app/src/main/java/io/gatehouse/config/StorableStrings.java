package io.gatehouse.config;

import io.gatehouse.scim.core.StorableText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every string bound from a JSON request body (the operator API's records) must be text a database can store: no
 * NUL (PostgreSQL refuses it, H2 would keep it) and no unpaired surrogate such as {@code \\ud800} (PostgreSQL's driver
 * would store "?"). Refusing it while binding makes the answer a 400 on both databases. SCIM bodies are read as trees
 * and checked by scim.ScimJson.
 */
final class StorableStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String value = super.deserialize(p, ctxt);
        if (value != null && !StorableText.isStorable(value)) {
            return (String) ctxt.handleWeirdStringValue(String.class, value,
                    "contains a NUL character or an unpaired UTF-16 surrogate");
        }
        return value;
    }
}
