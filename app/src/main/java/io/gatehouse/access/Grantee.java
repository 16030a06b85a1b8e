package io.gatehouse.access;

import java.util.UUID;

/** Who receives a grant: one user or one user group of the company. */
public sealed interface Grantee {

    UUID id();

    record User(UUID id) implements Grantee {
        public User {
            if (id == null) {
                throw new IllegalArgumentException("user id is null");
            }
        }
    }

    record Group(UUID id) implements Grantee {
        public Group {
            if (id == null) {
                throw new IllegalArgumentException("group id is null");
            }
        }
    }

    static Grantee user(UUID id) {
        return new User(id);
    }

    static Grantee group(UUID id) {
        return new Group(id);
    }
}
