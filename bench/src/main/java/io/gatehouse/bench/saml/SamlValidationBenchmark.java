package io.gatehouse.bench.saml;

import io.gatehouse.saml.core.SamlResponseValidator;
import io.gatehouse.saml.core.SamlValidationResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validated SAML responses per second for an Entra-shaped response signed with RSA-2048: the full
 * SamlResponseValidator path (hardened parse, structure, allow-list, xmlsec verify, SAML checks).
 * Target: at least 5,000 ops/s per core.
 *
 * <p>JMH: {@code java -cp bench.jar org.openjdk.jmh.Main SamlValidationBenchmark -t 1}.
 * Quick check without JMH: {@code java -cp ... io.gatehouse.bench.saml.SamlValidationBenchmark 50000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SamlValidationBenchmark {

    private SamlResponseValidator validator;
    private byte[] xml;
    private String formValue;

    @Setup
    public void setUp() throws Exception {
        EntraShapedResponse response = EntraShapedResponse.create();
        validator = new SamlResponseValidator(response.config(), Clock.fixed(EntraShapedResponse.NOW, ZoneOffset.UTC));
        xml = response.xml;
        formValue = Base64.getEncoder().encodeToString(xml);
        SamlValidationResult check = validator.validate(xml);
        if (!check.valid()) {
            throw new IllegalStateException("benchmark response does not validate: " + check);
        }
    }

    @Benchmark
    public SamlValidationResult validateXml() {
        return validator.validate(xml);
    }

    @Benchmark
    public SamlValidationResult validatePostedBase64() {
        return validator.validate(formValue);
    }

    /** Runs N validations on the calling thread (after N/5 warm-up) and prints ops/s. */
    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        SamlValidationBenchmark b = new SamlValidationBenchmark();
        b.setUp();
        run(b, Math.max(1, iterations / 5));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int valid = run(b, iterations);
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time of this thread = per-core cost, unaffected by other processes sharing the machine.
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%d validations (%d valid): %.0f ops/s wall-clock (%.1f us/op), %.0f ops per CPU-second "
                + "(%.1f us CPU/op)%n", iterations, valid, iterations / seconds, seconds * 1e6 / iterations,
                iterations / cpuSeconds, cpuSeconds * 1e6 / iterations);
    }

    private static int run(SamlValidationBenchmark b, int n) {
        int valid = 0;
        for (int i = 0; i < n; i++) {
            if (b.validateXml().valid()) {
                valid++;
            }
        }
        return valid;
    }
}
