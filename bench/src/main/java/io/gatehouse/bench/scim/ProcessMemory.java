package io.gatehouse.bench.scim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Memory of another process, from Linux's {@code /proc/<pid>/status}. VmHWM is the kernel's own high-water
 * mark, so one read at the end catches the peak without sampling during the run; VmRSS is the current size.
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    public static OptionalLong peakRssKb(long pid) {
        return statusField(pid, "VmHWM");
    }

    public static OptionalLong currentRssKb(long pid) {
        return statusField(pid, "VmRSS");
    }

    /** Reads a line like {@code VmHWM:    523412 kB}. */
    static OptionalLong parseVmHwmKb(String status) {
        return parseKb(status, "VmHWM");
    }

    /** The kB value of one {@code Name:   123 kB} line of a status file, if present. */
    public static OptionalLong parseKb(String status, String field) {
        String prefix = field + ":";
        for (String line : status.split("\n")) {
            if (line.startsWith(prefix)) {
                String[] parts = line.substring(prefix.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong statusField(long pid, String field) {
        try {
            return parseKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")), field);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
