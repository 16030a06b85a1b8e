package io.gatehouse.access;

import java.util.UUID;

/**
 * Who asks for a protected action: a signed-in user of the company (checked against their permissions), or
 * the support team through the operator API (authenticated by the operator token before it gets here, and
 * allowed everything, since it is how a company gets its first administrator).
 */
public sealed interface Actor {

    Actor OPERATOR = new Operator();

    record Operator() implements Actor {}

    record User(UUID id) implements Actor {
        public User {
            if (id == null) {
                throw new IllegalArgumentException("user id is null");
            }
        }
    }

    static Actor user(UUID id) {
        return new User(id);
    }
}
