#!/usr/bin/env python3
"""Summarises a Stryker (or manual.sh) mutation-report.json as Markdown: counts, score, survivors by file."""
import argparse
import json
from collections import Counter, defaultdict

DETECTED = ("Killed", "Timeout")
UNDETECTED = ("Survived", "NoCoverage")


def short(text, width=90):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--suite", required=True)
    parser.add_argument("--scope", required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--seconds", type=int, default=0)
    parser.add_argument("--filter", default="")
    args = parser.parse_args()

    report = json.load(open(args.report, encoding="utf-8"))
    counts = Counter()
    survivors = defaultdict(list)
    for path, data in sorted(report["files"].items()):
        rel = path.split("src/Fota.Api/")[-1]
        lines = data.get("source", "").splitlines()
        for mutant in data["mutants"]:
            status = mutant["status"]
            if status == "Ignored":
                continue
            counts[status] += 1
            if mutant.get("static"):
                counts["static"] += 1
            if status in UNDETECTED:
                line = mutant["location"]["start"]["line"]
                original = lines[line - 1].strip() if 0 < line <= len(lines) else ""
                survivors[rel].append((line, status, mutant["mutatorName"], mutant.get("replacement", ""), original, mutant.get("static", False)))

    detected = sum(counts[s] for s in DETECTED)
    judged = detected + sum(counts[s] for s in UNDETECTED)
    score = 100.0 * detected / judged if judged else 0.0
    minutes, seconds = divmod(args.seconds, 60)
    print(f"### {args.suite} · `{args.scope}` · commit `{args.commit}`\n")
    if args.filter:
        print(f"Tests: `{args.filter}`\n")
    print(f"**{score:.1f} %** ({detected} of {judged} detected) in {minutes} min {seconds:02d} s wall time.\n")
    print("| killed | timeout | survived | no coverage | compile error | runtime error | of them static |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {counts['Killed']} | {counts['Timeout']} | {counts['Survived']} | {counts['NoCoverage']} | "
          f"{counts['CompileError']} | {counts['RuntimeError']} | {counts['static']} |\n")
    if survivors:
        print("Undetected mutants:\n")
        for rel, items in survivors.items():
            print(f"- `{rel}`")
            for line, status, mutator, replacement, original, static in sorted(items):
                flag = " (static)" if static else ""
                note = "" if status == "Survived" else f" — {status}"
                print(f"  - L{line} {mutator}{flag}{note}: `{short(original, 70)}` → `{short(replacement, 70)}`")


if __name__ == "__main__":
    main()
