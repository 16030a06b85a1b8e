package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.IntegrationTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every protected action of the access model, for the permission it needs: allowed when the actor holds
 * the permission directly, allowed when one of their SCIM-provisioned groups holds it, and refused with an
 * {@link AccessDeniedException} naming exactly that permission when they hold every other permission but it.
 */
class PermissionChecksIT extends IntegrationTest {

    enum How { GRANTED_DIRECTLY, GRANTED_VIA_GROUP, NOT_GRANTED }

    /** A company with a Space, a target user, a target group and the acting user. */
    record Scene(AccessWorld world, Space space, UUID targetUser, UUID targetGroup, Actor actor) {}

    interface Action {
        void run(Scene scene, Spaces spaces, CompanyRoles roles);
    }

    /** {@code orElse}: another permission that also allows it (absent from the NOT_GRANTED scene too), or null. */
    record Case(String name, Permission needs, Permission orElse, Action action) {
        Case(String name, Permission needs, Action action) {
            this(name, needs, null, action);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("create a Space", Permission.MANAGE_COMPANY_SETTINGS,
                    (s, spaces, roles) -> spaces.create(s.world().company, s.actor(), "New " + System.nanoTime())),
            new Case("rename a Space", Permission.MANAGE_COMPANY_SETTINGS,
                    (s, spaces, roles) -> spaces.rename(s.world().company, s.actor(), s.space().id(), "Renamed")),
            new Case("archive a Space", Permission.MANAGE_COMPANY_SETTINGS,
                    (s, spaces, roles) -> spaces.archive(s.world().company, s.actor(), s.space().id())),
            new Case("restore a Space", Permission.MANAGE_COMPANY_SETTINGS,
                    (s, spaces, roles) -> spaces.restore(s.world().company, s.actor(), s.space().id())),
            new Case("grant a Space to a user", Permission.MANAGE_COMPANY_SETTINGS,
                    (s, spaces, roles) -> spaces.grant(s.world().company, s.actor(), s.space().id(),
                            Grantee.user(s.targetUser()), SpaceRole.VIEWER)),
            new Case("grant a Space to a group", Permission.MANAGE_COMPANY_SETTINGS, Permission.MANAGE_USER_GROUPS,
                    (s, spaces, roles) -> spaces.grant(s.world().company, s.actor(), s.space().id(),
                            Grantee.group(s.targetGroup()), SpaceRole.EDITOR)),
            new Case("revoke a Space grant", Permission.MANAGE_COMPANY_SETTINGS,
                    (s, spaces, roles) -> spaces.revoke(s.world().company, s.actor(), s.space().id(),
                            Grantee.user(s.targetUser()))),
            new Case("list a Space's grants", Permission.MANAGE_COMPANY_SETTINGS,
                    (s, spaces, roles) -> spaces.grants(s.world().company, s.actor(), s.space().id())),
            new Case("list all Spaces", Permission.MANAGE_COMPANY_SETTINGS,
                    (s, spaces, roles) -> spaces.all(s.world().company, s.actor())),
            new Case("grant a permission to a user", Permission.MANAGE_USERS,
                    (s, spaces, roles) -> roles.grant(s.world().company, s.actor(), Grantee.user(s.targetUser()),
                            Permission.MANAGE_USERS)),
            new Case("revoke a permission from a user", Permission.MANAGE_USERS,
                    (s, spaces, roles) -> roles.revoke(s.world().company, s.actor(), Grantee.user(s.targetUser()),
                            Permission.MANAGE_USERS)),
            new Case("list the company's grants", Permission.MANAGE_USERS, Permission.MANAGE_USER_GROUPS,
                    (s, spaces, roles) -> roles.grants(s.world().company, s.actor())),
            new Case("grant a permission to a group", Permission.MANAGE_USER_GROUPS,
                    (s, spaces, roles) -> roles.grant(s.world().company, s.actor(), Grantee.group(s.targetGroup()),
                            Permission.MANAGE_USER_GROUPS)),
            new Case("revoke a permission from a group", Permission.MANAGE_USER_GROUPS,
                    (s, spaces, roles) -> roles.revoke(s.world().company, s.actor(), Grantee.group(s.targetGroup()),
                            Permission.MANAGE_USER_GROUPS)));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : CASES) {
            for (How how : How.values()) {
                all.add(Arguments.of(c, c.needs(), how));
            }
        }
        return all.stream();
    }

    @Autowired
    Spaces spaces;
    @Autowired
    CompanyRoles roles;

    @ParameterizedTest(name = "{0} needs {1}: {2}")
    @MethodSource("cases")
    void eachProtectedActionNeedsItsPermission(Case action, Permission needs, How how) {
        Scene scene = scene(how == How.NOT_GRANTED ? EnumSet.complementOf(action.orElse() == null ? EnumSet.of(needs)
                : EnumSet.of(needs, action.orElse())) : Set.of(needs), how);

        if (how == How.NOT_GRANTED) {
            assertThatThrownBy(() -> action.action().run(scene, spaces, roles))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.missing()).isEqualTo(needs))
                    .hasMessageContaining(needs.name());
        } else {
            assertThatCode(() -> action.action().run(scene, spaces, roles)).doesNotThrowAnyException();
        }
    }

    /** The actor holds {@code held}: directly, or through a group (for NOT_GRANTED, directly). */
    private Scene scene(Set<Permission> held, How how) {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID actor = w.user("actor");
        if (how == How.GRANTED_VIA_GROUP) {
            UUID team = w.groupWith("Team", actor);
            held.forEach(p -> w.grantGroup(team, p));
        } else {
            held.forEach(p -> w.grantUser(actor, p));
        }
        Space space = spaces.create(w.company, Actor.OPERATOR, "Space " + System.nanoTime());
        UUID target = w.user("target");
        UUID targetGroup = w.group("Target");
        spaces.grant(w.company, Actor.OPERATOR, space.id(), Grantee.user(target), SpaceRole.VIEWER);
        return new Scene(w, space, target, targetGroup, Actor.user(actor));
    }
}
