package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SpacesIT extends IntegrationTest {

    @Autowired
    Spaces spaces;

    @Test
    void spaceGrantedToAGroupIsVisibleToTheMembersEntraProvisioned() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        UUID bob = w.user("bob");
        UUID sales = w.groupWith("Sales", alice);
        Space contracts = space(w, "Sales contracts");
        spaces.grant(w.company, Actor.OPERATOR, contracts.id(), Grantee.group(sales), SpaceRole.EDITOR);

        assertThat(spaces.spacesOf(w.company, alice))
                .containsExactly(new SpaceAccess(contracts.id(), "Sales contracts", SpaceRole.EDITOR));
        assertThat(spaces.spacesOf(w.company, bob)).isEmpty();

        w.addMember(sales, bob);
        w.removeMember(sales, alice);

        assertThat(spaces.spacesOf(w.company, alice)).isEmpty();
        assertThat(spaces.spacesOf(w.company, bob)).extracting(SpaceAccess::spaceId).containsExactly(contracts.id());
    }

    @Test
    void highestRoleWinsAcrossDirectAndGroupGrants() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        UUID viewers = w.groupWith("Viewers", alice);
        UUID managers = w.groupWith("Managers", alice);
        Space legal = space(w, "Legal");
        spaces.grant(w.company, Actor.OPERATOR, legal.id(), Grantee.user(alice), SpaceRole.EDITOR);
        spaces.grant(w.company, Actor.OPERATOR, legal.id(), Grantee.group(viewers), SpaceRole.VIEWER);
        spaces.grant(w.company, Actor.OPERATOR, legal.id(), Grantee.group(managers), SpaceRole.MANAGER);

        assertThat(spaces.spacesOf(w.company, alice))
                .containsExactly(new SpaceAccess(legal.id(), "Legal", SpaceRole.MANAGER));
        assertThat(spaces.roleIn(w.company, alice, legal.id())).contains(SpaceRole.MANAGER);
    }

    @Test
    void grantingAgainReplacesTheGranteesRole() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        Space hr = space(w, "HR");
        spaces.grant(w.company, Actor.OPERATOR, hr.id(), Grantee.user(alice), SpaceRole.MANAGER);

        spaces.grant(w.company, Actor.OPERATOR, hr.id(), Grantee.user(alice), SpaceRole.VIEWER);

        assertThat(spaces.roleIn(w.company, alice, hr.id())).contains(SpaceRole.VIEWER);
        assertThat(spaces.grants(w.company, Actor.OPERATOR, hr.id())).hasSize(1);
    }

    @Test
    void deletingAGroupInEntraRemovesItsSpaceGrants() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        UUID sales = w.groupWith("Sales", alice);
        Space contracts = space(w, "Contracts");
        spaces.grant(w.company, Actor.OPERATOR, contracts.id(), Grantee.group(sales), SpaceRole.VIEWER);

        w.deleteGroup(sales);

        assertThat(spaces.grants(w.company, Actor.OPERATOR, contracts.id())).isEmpty();
        assertThat(spaces.spacesOf(w.company, alice)).isEmpty();
    }

    @Test
    void deletingAUserInEntraRemovesTheirSpaceGrants() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        Space contracts = space(w, "Contracts");
        spaces.grant(w.company, Actor.OPERATOR, contracts.id(), Grantee.user(alice), SpaceRole.VIEWER);

        w.deleteUser(alice);

        assertThat(spaces.grants(w.company, Actor.OPERATOR, contracts.id())).isEmpty();
    }

    @Test
    void archivedSpacesAreHiddenAndRestoringBringsTheirGrantsBack() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        Space old = space(w, "Old");
        Space current = space(w, "Current");
        spaces.grant(w.company, Actor.OPERATOR, old.id(), Grantee.group(w.groupWith("Team", alice)), SpaceRole.EDITOR);
        spaces.grant(w.company, Actor.OPERATOR, current.id(), Grantee.user(alice), SpaceRole.VIEWER);

        Space archived = spaces.archive(w.company, Actor.OPERATOR, old.id());

        assertThat(archived.archived()).isTrue();
        assertThat(spaces.spacesOf(w.company, alice)).extracting(SpaceAccess::name).containsExactly("Current");
        assertThat(spaces.roleIn(w.company, alice, old.id())).isEmpty();

        spaces.restore(w.company, Actor.OPERATOR, old.id());

        assertThat(spaces.spacesOf(w.company, alice)).extracting(SpaceAccess::name).containsExactly("Current", "Old");
    }

    @Test
    void spaceManagerMayManageTheirSpaceButNoOther() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID manager = w.user("manager");
        UUID colleague = w.user("colleague");
        Space mine = space(w, "Mine");
        Space other = space(w, "Other");
        spaces.grant(w.company, Actor.OPERATOR, mine.id(), Grantee.group(w.groupWith("Leads", manager)),
                SpaceRole.MANAGER);
        Actor actor = Actor.user(manager);

        assertThat(spaces.rename(w.company, actor, mine.id(), "Mine, renamed").name()).isEqualTo("Mine, renamed");
        spaces.grant(w.company, actor, mine.id(), Grantee.user(colleague), SpaceRole.EDITOR);
        assertThat(spaces.roleIn(w.company, colleague, mine.id())).contains(SpaceRole.EDITOR);

        assertThatThrownBy(() -> spaces.rename(w.company, actor, other.id(), "Taken over"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.missing()).isEqualTo(Permission.MANAGE_COMPANY_SETTINGS))
                .hasMessageContaining("Manager role");
        assertThatThrownBy(() -> spaces.create(w.company, actor, "New"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void editorMayNotManageTheSpace() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID editor = w.user("editor");
        Space space = space(w, "Shared");
        spaces.grant(w.company, Actor.OPERATOR, space.id(), Grantee.user(editor), SpaceRole.EDITOR);

        assertThatThrownBy(() -> spaces.grant(w.company, Actor.user(editor), space.id(), Grantee.user(editor),
                SpaceRole.MANAGER))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.missing()).isEqualTo(Permission.MANAGE_COMPANY_SETTINGS));
        assertThat(spaces.roleIn(w.company, editor, space.id())).contains(SpaceRole.EDITOR);
    }

    @Test
    void managerOfAnArchivedSpaceHasNoSayOverIt() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID manager = w.user("manager");
        Space space = space(w, "Archived");
        spaces.grant(w.company, Actor.OPERATOR, space.id(), Grantee.user(manager), SpaceRole.MANAGER);
        spaces.archive(w.company, Actor.user(manager), space.id());

        assertThatThrownBy(() -> spaces.restore(w.company, Actor.user(manager), space.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> spaces.rename(w.company, Actor.user(manager), space.id(), "Back"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void deactivatedUserSeesNoSpaces() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        Space space = space(w, "Shared");
        spaces.grant(w.company, Actor.OPERATOR, space.id(), Grantee.user(alice), SpaceRole.VIEWER);

        w.deactivate(alice);

        assertThat(spaces.spacesOf(w.company, alice)).isEmpty();
    }

    @Test
    void groupGrantsNeedUserGroupsInThePlanAndStopCountingWithoutIt() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        UUID team = w.groupWith("Team", alice);
        Space space = space(w, "Team space");
        spaces.grant(w.company, Actor.OPERATOR, space.id(), Grantee.group(team), SpaceRole.VIEWER);

        operator().call("PATCH", "/companies/" + w.id, "{\"plan\":\"standard\"}");

        assertThat(spaces.spacesOf(w.company, alice)).isEmpty();
        assertThatThrownBy(() -> spaces.grant(w.company, Actor.OPERATOR, space.id(), Grantee.group(team),
                SpaceRole.EDITOR))
                .isInstanceOf(FeatureNotInPlanException.class);
    }

    @Test
    void spaceNamesAreRequiredAndUniquePerCompany() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        space(w, "Contracts");

        assertThatThrownBy(() -> space(w, "contracts "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> space(w, "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name is required");
        AccessWorld other = AccessWorld.premium(operator(), http());
        assertThat(space(other, "Contracts").name()).isEqualTo("Contracts");
    }

    private Space space(AccessWorld w, String name) {
        return spaces.create(w.company, Actor.OPERATOR, name);
    }
}
