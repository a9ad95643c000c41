"""Sums PostgreSQL's statement log (log_min_duration_statement = 0) per phase and statement: count, total and mean ms."""
import re
import sys
from collections import defaultdict

LINE = re.compile(r"LOG:  duration: ([0-9.]+) ms  (parse|bind|execute|statement)[^:]*: (.*)")


def key(entry: list) -> tuple[str, str]:
    """The phase and the statement's first words; a claim that leaves accounts out is told apart from one that does not."""
    text = " ".join(entry[2].split())
    return entry[1], text[:110] + (" … account NOT IN (…)" if "account NOT IN" in text else "")


def main(path: str) -> None:
    totals: dict[tuple[str, str], list[float]] = defaultdict(list)
    with open(path, encoding="utf-8", errors="replace") as log:
        entry = None
        for raw in log:
            match = LINE.search(raw)
            if match:
                if entry:
                    totals[key(entry)].append(entry[0])
                entry = [float(match.group(1)), match.group(2), match.group(3)]
            elif entry and raw.startswith(("\t", " ")) and "DETAIL:" not in raw:
                entry[2] += " " + raw.strip()  # a statement's further lines
            elif entry:
                totals[key(entry)].append(entry[0])
                entry = None
        if entry:
            totals[key(entry)].append(entry[0])
    grand = sum(sum(v) for v in totals.values())
    print(f"{'ms':>10} {'share':>6} {'count':>8} {'mean ms':>8}  phase     statement")
    for (phase, sql), durations in sorted(totals.items(), key=lambda item: -sum(item[1]))[:25]:
        total = sum(durations)
        print(f"{total:10.0f} {total / grand:6.1%} {len(durations):8d} {total / len(durations):8.3f}  {phase:9} {sql}")
    print(f"{grand:10.0f} ms in {sum(len(v) for v in totals.values())} logged phases")


if __name__ == "__main__":
    main(sys.argv[1])
