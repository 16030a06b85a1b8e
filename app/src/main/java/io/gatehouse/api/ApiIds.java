package io.gatehouse.api;

import java.util.Locale;
import java.util.UUID;

/**
 * Ids in the product API's paths and query parameters: Gatehouse ids are UUIDs in their canonical form. Anything
 * else is a 400 problem naming the parameter — a syntax check only, so it says nothing about what exists.
 */
final class ApiIds {

    private ApiIds() {}

    static UUID parse(String parameter, String raw) {
        if (raw != null && raw.length() == 36) {
            try {
                UUID id = UUID.fromString(raw);
                if (id.toString().equals(raw.toLowerCase(Locale.ROOT))) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw ApiProblem.invalidParameter(parameter, parameter + " is not an id: Gatehouse ids are UUIDs such as "
                + "3f2c7a4e-1b2d-4c5e-8f90-a1b2c3d4e5f6.");
    }
}
