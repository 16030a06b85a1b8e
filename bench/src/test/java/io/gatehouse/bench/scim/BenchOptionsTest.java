package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void fillsTheDocumentedDefaults() {
        BenchOptions options = BenchOptions.parse("--base-url", "http://127.0.0.1:8080/", "--scim-token", "t");

        assertThat(options.baseUrl().toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(options.users()).isEqualTo(10_000);
        assertThat(options.groups()).isEqualTo(100);
        assertThat(options.membersPerPatch()).isEqualTo(100);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.plan()).isEqualTo("premium");
        assertThat(options.warmupUsers()).isZero();
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.jsonOut()).isNull();
    }

    @Test
    void requiresExactlyOneKindOfToken() {
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "http://h"))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "http://h", "--scim-token", "a",
                "--operator-token", "b")).hasMessageContaining("exactly one");
    }

    @Test
    void rejectsUnknownOptionsAndOutOfRangeNumbers() {
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "http://h", "--scim-token", "t", "--user", "5"))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "http://h", "--scim-token", "t",
                "--concurrency", "0")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "http://h", "--scim-token", "t",
                "--users", "many")).hasMessageContaining("--users");
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "ftp://h", "--scim-token", "t"))
                .hasMessageContaining("http");
    }

    @Test
    void scaleScenarioHasItsOwnDefaultsAndTheDefaultScenarioIsUnchanged() {
        BenchOptions sync = BenchOptions.parse("--base-url", "http://h", "--scim-token", "t");
        assertThat(sync.scenario()).isEqualTo("entra-sync");
        assertThat(sync.isScale()).isFalse();

        BenchOptions scale = BenchOptions.parse("--base-url", "http://h", "--scim-token", "t", "--scenario", "scale");
        assertThat(scale.isScale()).isTrue();
        assertThat(scale.users()).isEqualTo(100_000);
        assertThat(scale.groups()).isEqualTo(1_000);
        assertThat(scale.shape()).isEqualTo(new ScaleShape(100, 5, 10_000, 50_000));
        assertThat(scale.probeRepeats()).isEqualTo(5);
        assertThat(scale.probeAddMembers()).isEqualTo(1_000);
        assertThat(scale.probeLookups()).isEqualTo(200);

        BenchOptions small = BenchOptions.parse("--base-url", "http://h", "--scim-token", "t", "--scenario", "scale",
                "--users", "5000", "--groups", "50", "--group-size", "20", "--large-groups", "3",
                "--large-group-size", "500", "--huge-group-size", "2500");
        assertThat(small.users()).isEqualTo(5_000);
        assertThat(small.shape()).isEqualTo(new ScaleShape(20, 3, 500, 2_500));
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "http://h", "--scim-token", "t",
                "--scenario", "huge")).hasMessageContaining("--scenario");
    }
}
