package io.gatehouse.bench.soak;

import io.gatehouse.bench.scim.ProcessMemory;

/** The current resident set size of the server (VmRSS, see {@link ProcessMemory}), or -1 when unreadable. */
final class ServerMemory {

    private ServerMemory() {
    }

    static long rssKb(long pid) {
        return ProcessMemory.currentRssKb(pid).orElse(-1);
    }

    static long vmRssKb(String status) {
        return ProcessMemory.parseKb(status, "VmRSS").orElse(-1);
    }
}
