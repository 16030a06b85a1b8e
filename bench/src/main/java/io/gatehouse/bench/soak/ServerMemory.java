package io.gatehouse.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The current resident set size of another process (Linux {@code /proc/<pid>/status}, VmRSS), or -1. */
final class ServerMemory {

    private ServerMemory() {
    }

    static long rssKb(long pid) {
        try {
            return vmRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return -1;
        }
    }

    static long vmRssKb(String status) {
        return status.lines().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L);
    }
}
