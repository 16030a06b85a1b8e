"""Inclusive share of each method (the samples with it anywhere on the stack) in a JFR recording printed as JSON
(jfr print --json --stack-depth 128 --events jdk.ExecutionSample), the N largest, optionally only those whose
name contains a given text: bench/profile-inclusive.py recording.json [N=60] [text]."""
import json
import sys
from collections import Counter

events = json.load(open(sys.argv[1]))["recording"]["events"]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 60
needle = sys.argv[3] if len(sys.argv) > 3 else ""
inclusive = Counter()
samples = 0
for e in events:
    frames = (e["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    samples += 1
    seen = {f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames}
    inclusive.update(seen)
shown = [(k, n) for k, n in inclusive.most_common() if needle in k][:limit]
for name, n in shown:
    print(f"{100.0 * n / samples:5.1f} %  {name}")
