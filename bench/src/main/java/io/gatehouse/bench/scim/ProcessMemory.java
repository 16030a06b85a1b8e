package io.gatehouse.bench.scim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Peak resident set size of another process, from Linux's /proc. VmHWM is the kernel's own high-water
 * mark, so one read at the end catches the peak without sampling during the run.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static OptionalLong peakRssKb(long pid) {
        try {
            return parseVmHwmKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Reads a line like {@code VmHWM:    523412 kB}. */
    static OptionalLong parseVmHwmKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }
}
