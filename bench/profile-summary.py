"""Summarises a JFR recording printed as JSON (jdk.ExecutionSample, jdk.CPULoad) for bench/profile-entra-cycle.sh:
the CPU share per library of the sampled frames (the leaf frame's package, and the first Gatehouse frame on the
stack), and the process's CPU per request over the recording (mean jvmUser + jvmSystem of jdk.CPULoad times the
cores times the recorded seconds, divided by the requests the caller names)."""
import json
import os
import sys
from collections import Counter
from datetime import datetime

requests = int(sys.argv[1])
events = json.load(sys.stdin)["recording"]["events"]

LIBRARIES = [
    ("org.postgresql", "PostgreSQL JDBC driver"), ("com.zaxxer.hikari", "HikariCP"),
    ("org.apache.tomcat", "Tomcat"), ("org.apache.catalina", "Tomcat"), ("org.apache.coyote", "Tomcat"),
    ("org.springframework.security", "Spring Security"), ("org.springframework.web", "Spring MVC"),
    ("org.springframework.jdbc", "Spring JDBC"), ("org.springframework.transaction", "Spring transactions"),
    ("org.springframework", "Spring (other)"), ("tools.jackson", "Jackson"), ("com.fasterxml.jackson", "Jackson"),
    ("com.unboundid", "UnboundID SCIM SDK"), ("io.micrometer", "Micrometer"), ("ch.qos.logback", "Logback"),
    ("org.slf4j", "Logback"), ("io.gatehouse", "Gatehouse"), ("jdk.internal", "JDK"), ("java.", "JDK"),
    ("sun.", "JDK"), ("javax.", "JDK"), ("jakarta.", "Jakarta"),
]


def library(frame_type):
    for prefix, name in LIBRARIES:
        if frame_type.startswith(prefix):
            return name
    return frame_type.rsplit(".", 2)[0]


def type_name(frame):
    return frame["method"]["type"]["name"].replace("/", ".")


def frame_name(frame):
    return type_name(frame) + "." + frame["method"]["name"]


leaf = Counter()
owner = Counter()
samples = 0
for e in events:
    if e["type"] != "jdk.ExecutionSample":
        continue
    frames = (e["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    samples += 1
    leaf[library(type_name(frames[0]))] += 1
    mine = next((frame_name(f) for f in frames if type_name(f).startswith("io.gatehouse")), None)
    owner[mine or "(no Gatehouse frame: " + library(type_name(frames[-1])) + ")"] += 1

print(f"== CPU samples: {samples}; share by the library of the leaf frame")
for name, n in leaf.most_common(12):
    print(f"  {100.0 * n / samples:5.1f} %  {name}")
print("== share by the innermost Gatehouse method on the stack (what our code asked for, inclusive)")
for name, n in owner.most_common(12):
    print(f"  {100.0 * n / samples:5.1f} %  {name}")

loads = [e for e in events if e["type"] == "jdk.CPULoad"]
if len(loads) >= 2:
    def at(e):
        return datetime.fromisoformat(e["values"]["startTime"].replace("Z", "+00:00"))
    seconds = (at(loads[-1]) - at(loads[0])).total_seconds()
    jvm = sum(e["values"]["jvmUser"] + e["values"]["jvmSystem"] for e in loads) / len(loads)
    machine = sum(e["values"]["machineTotal"] for e in loads) / len(loads)
    cores = os.cpu_count()
    print(f"== server process CPU {100 * jvm:.0f} % of {cores} cores (machine {100 * machine:.0f} %) over {seconds:.0f} s:"
          f" {1000.0 * jvm * cores * seconds / requests:.2f} ms CPU per request")
