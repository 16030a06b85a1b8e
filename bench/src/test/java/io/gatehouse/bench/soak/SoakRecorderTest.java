package io.gatehouse.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.bench.soak.SoakBench.Type;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SoakRecorderTest {

    @Test
    void percentilesAreNearestRankValuesThatWereMeasured() {
        SoakRecorder.Bucket b = new SoakRecorder.Bucket();
        for (int ms = 1; ms <= 100; ms++) {
            b.add(ms * 1_000_000L, false);
        }
        assertThat(b.percentileMillis(0.50)).isEqualTo(50.0);
        assertThat(b.percentileMillis(0.99)).isEqualTo(99.0);
        assertThat(new SoakRecorder.Bucket().percentileMillis(0.99)).isZero();
    }

    @Test
    void errorsAreCountedPerTypeAndMinuteAndShownInTheReport() {
        SoakRecorder recorder = new SoakRecorder(Instant.now());
        long now = System.nanoTime();
        recorder.record(Type.SCIM_CREATE, now, 2_000_000, null);
        recorder.record(Type.SAML_LOGIN, now, 5_000_000, "ACS answered 403");
        recorder.record(Type.SAML_LOGIN, now + 61_000_000_000L, 5_000_000, null);
        recorder.memory(300 * 1024);

        String report = recorder.markdown("http://x", 10, 2);

        assertThat(recorder.totalErrors()).isEqualTo(1);
        assertThat(report).contains("| saml-login | 2 | 1 | 5.0 | 5.0 |")
                .contains("| 1 | 2 | 1 | 2.0 | 5.0 | saml-login 1 | 300 |")
                .contains("| 2 | 1 | 0 |")
                .contains("- saml-login: ACS answered 403");
    }

    @Test
    void residentMemoryIsReadFromProcStatus() {
        assertThat(ServerMemory.vmRssKb("Name:\tjava\nVmHWM:\t  400000 kB\nVmRSS:\t  354204 kB\n")).isEqualTo(354204);
        assertThat(ServerMemory.vmRssKb("Name:\tjava\n")).isEqualTo(-1);
        assertThat(ServerMemory.rssKb(ProcessHandle.current().pid())).isPositive();
    }
}
