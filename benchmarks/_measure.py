"""Run one benchmark step in a fresh process and report its seconds and peak memory."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def run_step(script: Path, step: str, *args: str) -> dict:
    """Run ``script --step STEP ARGS`` in a child; the child prints one JSON line."""
    out = subprocess.run([sys.executable, str(script), "--step", step, *args],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def child_report(seconds: float, **extra: object) -> None:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": round(seconds, 2), "peak_mib": round(peak_kib / 1024), **extra}))


class Timer:
    def __enter__(self) -> "Timer":
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
