package io.gatehouse.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs n tasks at the same instant (all threads wait on one start gate) and collects their results in task
 * order. Bounded: every task must finish within the timeout or the race fails.
 */
final class Race {

    static final long TIMEOUT_SECONDS = 60;

    private Race() {}

    static <T> List<T> run(int n, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> c = () -> {
                    ready.countDown();
                    if (!go.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("start gate never opened");
                    }
                    return task.apply(index);
                };
                futures.add(pool.submit(c));
            }
            if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("threads did not start in time");
            }
            go.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                long left = Math.max(1, deadline - System.nanoTime());
                results.add(f.get(left, TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("race did not complete: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
