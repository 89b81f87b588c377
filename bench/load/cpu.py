"""Where the 2 cores went during a load run: samples /proc every 2 s until the locust process
group is gone (or SIGTERM), then prints the CPU time of each part of the stack, of PostgreSQL's
backends for the bench database, and of everything else on the machine (other people's work
shares these cores), with the machine's busy share per 10 s. Linux only; standard library.

    python bench/load/cpu.py --group web=PGID --group worker=PGID --group locust=PGID \\
        --database kalan_load --out results/u300_cpu.txt"""

import argparse
import os
import signal
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    total = sum(fields[:8])  # guest time is already counted in user
    return total - idle, total


def processes():
    """Yields (pid, pgid, cpu jiffies, command line) for every process."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            cmdline = Path(entry.path, "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        rest = stat.rsplit(")", 1)[1].split()
        # After the command: state, ppid, pgrp, ..., utime (14th field) and stime (15th).
        yield int(entry.name), int(rest[2]), int(rest[11]) + int(rest[12]), cmdline


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--group", action="append", default=[], help="name=PGID")
    parser.add_argument("--database", default="kalan_load")
    parser.add_argument("--out", required=True)
    parser.add_argument("--until-gone", default="locust", help="stop when this group is gone")
    args = parser.parse_args()
    groups = {int(v): k for k, v in (g.split("=", 1) for g in args.group)}
    names = [*groups.values(), f"postgres ({args.database})"]

    stop = False

    def _stop(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, _stop)
    first: dict[int, int] = {}  # pid -> jiffies at first sight
    last: dict[int, tuple[str, int]] = {}  # pid -> (category, latest jiffies)
    busy0, total0 = machine_busy()
    start = time.monotonic()
    timeline = []  # (seconds, machine busy %, ours busy %)
    window = (busy0, total0, 0)
    ours_total = 0
    initial = True
    while not stop:
        seen_group = False
        ours_now = 0
        for pid, pgid, jiffies, cmdline in processes():
            if pgid in groups:
                category = groups[pgid]
                seen_group = seen_group or category == args.until_gone
            elif cmdline.startswith("postgres:") and f" {args.database} " in cmdline:
                category = names[-1]
            else:
                continue
            # Processes running at the start count from there; later ones from their birth.
            first.setdefault(pid, jiffies if initial else 0)
            last[pid] = (category, jiffies)
        ours_now = sum(j - first[p] for p, (_c, j) in last.items())
        busy, total = machine_busy()
        if total - window[1] >= 10 * TICK * CORES:
            timeline.append(
                (
                    round(time.monotonic() - start),
                    100 * (busy - window[0]) / (total - window[1]),
                    100 * (ours_now - window[2]) / (total - window[1]),
                )
            )
            window = (busy, total, ours_now)
        ours_total = ours_now
        initial = False
        if not seen_group and time.monotonic() - start > 5:
            break
        time.sleep(2)
    busy1, total1 = machine_busy()
    elapsed = (total1 - total0) / TICK / CORES
    per = {name: 0 for name in names}
    for pid, (category, jiffies) in last.items():
        per[category] += jiffies - first[pid]
    busy_share = 100 * (busy1 - busy0) / (total1 - total0)
    lines = [
        f"{elapsed:.0f} s on {CORES} cores = {elapsed * CORES:.0f} core-seconds; "
        f"busy {(busy1 - busy0) / TICK:.0f} core-s ({busy_share:.0f} %)"
    ]
    for name in names:
        lines.append(f"  {name:<24} {per[name] / TICK:8.0f} core-s")
    other = (busy1 - busy0 - ours_total) / TICK
    lines.append(f"  {'everything else':<24} {other:8.0f} core-s (other work, the kernel)")
    lines.append(
        "machine busy % / bench stack % per 10 s: "
        + " ".join(f"{t}s:{b:.0f}/{o:.0f}" for t, b, o in timeline)
    )
    Path(args.out).write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
