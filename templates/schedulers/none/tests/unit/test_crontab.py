"""jobs/crontab: every line is a valid five-field schedule that runs an existing job."""

from __future__ import annotations

import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CRONTAB = REPO_ROOT / "jobs" / "crontab"
RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
ENV_LINE = re.compile(r"^[A-Z_]+=")
JOB = re.compile(r"bash (jobs/[a-z_]+/run\.sh)")


def _field_ok(field: str, low: int, high: int) -> bool:
    for part in field.split(","):
        base, _, step = part.partition("/")
        if step and not step.isdigit():
            return False
        if base == "*":
            continue
        start, _, end = base.partition("-")
        bounds = [start, end] if end else [start]
        if not all(b.isdigit() and low <= int(b) <= high for b in bounds):
            return False
    return True


def test_crontab_lines_schedule_existing_jobs() -> None:
    entries = [
        line
        for line in CRONTAB.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#") and not ENV_LINE.match(line)
    ]
    assert entries
    for entry in entries:
        fields = entry.split(maxsplit=5)
        assert len(fields) == 6, entry
        for field, (low, high) in zip(fields[:5], RANGES, strict=True):
            assert _field_ok(field, low, high), f"bad field {field!r} in {entry!r}"
        jobs = JOB.findall(fields[5])
        assert jobs, entry
        assert all((REPO_ROOT / job).is_file() for job in jobs)


def test_field_check_rejects_out_of_range_values() -> None:
    assert _field_ok("*/15", 0, 59)
    assert _field_ok("1-5,7", 0, 7)
    assert not _field_ok("60", 0, 59)
    assert not _field_ok("*/x", 0, 59)
