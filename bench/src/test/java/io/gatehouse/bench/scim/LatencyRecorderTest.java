package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesOfOneToHundredAreTheNearestRanks() {
        LatencyRecorder recorder = new LatencyRecorder();
        List<Long> values = new ArrayList<>();
        for (long v = 1; v <= 100; v++) {
            values.add(v);
        }
        Collections.shuffle(values, new Random(7));
        values.forEach(recorder::record);

        assertThat(recorder.summarize()).isEqualTo(new LatencyRecorder.Summary(100, 50, 90, 99, 100));
    }

    @Test
    void ranksRoundUpAndNeverInterpolate() {
        // n = 10: p50 -> rank 5, p90 -> rank 9 (not 10 through 0.9*10 float error), p99 -> rank ceil(9.9) = 10
        LatencyRecorder recorder = new LatencyRecorder();
        for (long v : new long[] {100, 10, 90, 20, 80, 30, 70, 40, 60, 50}) {
            recorder.record(v);
        }
        assertThat(recorder.summarize()).isEqualTo(new LatencyRecorder.Summary(10, 50, 90, 100, 100));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(42);
        assertThat(recorder.summarize()).isEqualTo(new LatencyRecorder.Summary(1, 42, 42, 42, 42));
    }

    @Test
    void anEmptyRecorderSummarizesToZeros() {
        assertThat(new LatencyRecorder().summarize()).isEqualTo(new LatencyRecorder.Summary(0, 0, 0, 0, 0));
    }

    @Test
    void handlesTwoHundredThousandSamplesExactly() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long v = 200_000; v >= 1; v--) {
            recorder.record(v * 1_000);
        }
        LatencyRecorder.Summary summary = recorder.summarize();
        assertThat(summary.count()).isEqualTo(200_000);
        assertThat(summary.p50()).isEqualTo(100_000L * 1_000);
        assertThat(summary.p90()).isEqualTo(180_000L * 1_000);
        assertThat(summary.p99()).isEqualTo(198_000L * 1_000);
        assertThat(summary.max()).isEqualTo(200_000L * 1_000);
    }

    @Test
    void mergingEqualsRecordingEverythingInOne() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        LatencyRecorder all = new LatencyRecorder();
        for (long v = 1; v <= 3_000; v++) {
            (v % 3 == 0 ? a : b).record(v);
            all.record(v);
        }
        a.merge(b);
        assertThat(a.summarize()).isEqualTo(all.summarize());
    }

    @Test
    void summarizingDoesNotDisturbLaterRecording() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(5);
        recorder.summarize();
        recorder.record(1);
        assertThat(recorder.summarize().p50()).isEqualTo(1);
    }

    @Test
    void rejectsNegativeLatenciesAndQuantilesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new LatencyRecorder().record(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyRecorder.nearestRank(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyRecorder.nearestRank(new long[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
