package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpaceRoleTest {

    @Test
    void highestRoleWins() {
        assertThat(SpaceRole.max(SpaceRole.VIEWER, SpaceRole.MANAGER)).isEqualTo(SpaceRole.MANAGER);
        assertThat(SpaceRole.max(SpaceRole.EDITOR, SpaceRole.VIEWER)).isEqualTo(SpaceRole.EDITOR);
        assertThat(SpaceRole.max(null, SpaceRole.VIEWER)).isEqualTo(SpaceRole.VIEWER);
        assertThat(SpaceRole.max(SpaceRole.EDITOR, null)).isEqualTo(SpaceRole.EDITOR);
    }

    @Test
    void eachRoleIncludesTheOnesBeforeIt() {
        assertThat(SpaceRole.MANAGER.atLeast(SpaceRole.EDITOR)).isTrue();
        assertThat(SpaceRole.EDITOR.atLeast(SpaceRole.EDITOR)).isTrue();
        assertThat(SpaceRole.VIEWER.atLeast(SpaceRole.EDITOR)).isFalse();
    }

    @Test
    void spaceNamesAreTrimmedAndBounded() {
        assertThat(Spaces.validName("  Contracts  ")).isEqualTo("Contracts");
        assertThatThrownBy(() -> Spaces.validName("x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spaces.validName("tab\there"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spaces.validName(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
