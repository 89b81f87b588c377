"""Prints the summary of load runs from locust's CSV files (standard library only):

    python bench/load/summary.py RESULTS_DIR/u100 RESULTS_DIR/u200 …

Each argument is a --csv prefix of run.sh (PREFIX_stats.csv, PREFIX_failures.csv, and the
locust state PREFIX_state.json). For each run: a Markdown table of requests/s, p50, p95, p99,
max and errors per endpoint, the errors by message, and the targets (zero errors; quiz save and
submit p95 <= 500 ms; quiz start p95 <= 2 s at 300 users). Locust rounds percentiles above
100 ms to two significant digits (1,234 ms is reported as 1,200)."""

import csv
import json
import sys
from pathlib import Path

ORDER = [
    "sign in: form",
    "sign in",
    "mes formations",
    "lesson: read",
    "lesson: complete",
    "quiz: front page",
    "quiz: start",
    "quiz: page",
    "quiz: save",
    "quiz: summary",
    "quiz: submit",
    "quiz: review",
    "quiz: start (retry)",
    "mes attestations",
]
TARGETS = [  # (endpoint, percentile column, limit in ms, from how many users)
    ("quiz: save", "95%", 500, 0),
    ("quiz: submit", "95%", 500, 0),
    ("quiz: start", "95%", 2000, 300),
]


def _ms(value: str) -> str:
    return "–" if value in ("", "N/A") else f"{float(value):,.0f}"


def summarise(prefix: str) -> tuple[str, bool]:
    stats_path = Path(f"{prefix}_stats.csv")
    if not stats_path.exists():
        return f"### {Path(prefix).name}: no {stats_path.name}\n", False
    rows = {row["Name"]: row for row in csv.DictReader(stats_path.open())}
    state_path = Path(f"{prefix}_state.json")
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    users = state.get("users") or Path(prefix).name.lstrip("u")
    lines = [f"### {users} users ({Path(prefix).name})", ""]
    bell = state.get("bell")
    if bell:
        lines.append(
            f"Quiz bell at {bell['at_s']} s ({bell['reason']}); learners then: "
            + ", ".join(f"{k} {v}" for k, v in sorted(bell["phases"].items()))
            + "."
        )
    if state.get("outcomes"):
        lines.append(
            "Attempts submitted: "
            + ", ".join(f"{k} {v}" for k, v in sorted(state["outcomes"].items()))
            + f"; left unfinished when the run stopped: {len(state.get('open_attempts', {}))}."
        )
    if state.get("resent_after_connection_error"):
        lines.append(
            "Connection errors met, each followed by one resend as a browser does"
            " (a failed resend also shows under Errors): "
            + ", ".join(f"{k} {v}" for k, v in state["resent_after_connection_error"].items())
            + "."
        )
    lines += [
        "",
        "| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    names = [n for n in ORDER if n in rows] + sorted(
        n for n in rows if n not in ORDER and n != "Aggregated"
    )
    for name in [*names, "Aggregated"]:
        row = rows.get(name)
        if row is None:
            continue
        label = "**all**" if name == "Aggregated" else name
        lines.append(
            f"| {label} | {int(row['Request Count']):,} | {int(row['Failure Count']):,} | "
            f"{float(row['Requests/s']):.2f} | {_ms(row['50%'])} | {_ms(row['95%'])} | "
            f"{_ms(row['99%'])} | {_ms(row['Max Response Time'])} |"
        )
    failures_path = Path(f"{prefix}_failures.csv")
    failures = list(csv.DictReader(failures_path.open())) if failures_path.exists() else []
    lines.append("")
    if failures:
        lines.append("Errors:")
        for row in sorted(failures, key=lambda r: -int(r["Occurrences"])):
            lines.append(f"- {row['Occurrences']} x {row['Method']} {row['Name']}: {row['Error']}")
    else:
        lines.append("Errors: none.")
    cpu_path = Path(f"{prefix}_cpu.txt")
    if cpu_path.exists():
        lines += ["", "CPU during the run:", "", "```", cpu_path.read_text().rstrip(), "```"]
    total_errors = int(rows["Aggregated"]["Failure Count"]) if "Aggregated" in rows else -1
    all_met = total_errors == 0
    lines += [
        "",
        "Targets:",
        f"- zero errors: {'met' if total_errors == 0 else 'MISSED'} ({total_errors})",
    ]
    for name, column, limit, from_users in TARGETS:
        row = rows.get(name)
        scope = f" (the target is set at {from_users} users)" if from_users else ""
        if row is None or int(row["Request Count"]) == 0:
            lines.append(f"- {name} p{column[:-1]} ≤ {limit:,} ms: no request{scope}")
            if not from_users or str(users) == str(from_users):
                all_met = False
            continue
        value = float(row[column])
        met = value <= limit
        if not from_users or str(users) == str(from_users):
            all_met = all_met and met
        lines.append(
            f"- {name} p{column[:-1]} ≤ {limit:,} ms: {'met' if met else 'MISSED'} "
            f"({value:,.0f} ms over {int(row['Request Count']):,} requests){scope}"
        )
    return "\n".join(lines) + "\n", all_met


def main():
    ok = True
    for prefix in sys.argv[1:]:
        text, met = summarise(prefix)
        ok = ok and met
        print(text)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
