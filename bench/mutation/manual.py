#!/usr/bin/env python3
"""Hand-made mutants for code Stryker cannot judge (start-up code, attribute arguments).

  bench/mutation/manual.py features|unit|all [ID...]

For each mutant of manual-mutants.tsv: replace its one original snippet in src/Fota.Api, build, run the
suite in a fresh `dotnet test` process (so start-up code runs with the mutant), record killed/survived,
restore the file. Writes StrykerOutput/manual-<suite>/reports/mutation-report.json in Stryker's report
shape and figures/manual-<suite>.md through summarize.py. Results accumulate in figures/manual-results.tsv
(one line per mutant and suite, the latest wins), so runs of a few IDs at a time add up to one report.
"""
import csv
import json
import pathlib
import signal
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
API = ROOT / "src" / "Fota.Api"
SUITES = {
    "features": ("tests/Fota.AcceptanceTests", ["--filter", "Category!=suite-self"]),
    "unit": ("tests/Fota.Api.Tests", []),
}
TEST_TIMEOUT_S = 600


def run(args, timeout=None):
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def load_mutants(ids):
    with open(HERE / "manual-mutants.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if not r["id"].startswith("#")]
    return [r for r in rows if not ids or r["id"] in ids]


def judge(mutant, suites):
    path = API / mutant["file"]
    original = path.read_text(encoding="utf-8")
    snippet = mutant["original"]
    if original.count(snippet) != 1:
        raise SystemExit(f"{mutant['id']}: the original snippet occurs {original.count(snippet)} times in {mutant['file']}")
    line = original[: original.index(snippet)].count("\n") + 1
    statuses = {}
    try:
        path.write_text(original.replace(snippet, mutant["replacement"]), encoding="utf-8")
        for suite in suites:
            project, filters = SUITES[suite]
            # Nullable warnings are errors in this repository; a mutant is about behaviour (Stryker ignores them too).
            if run(["dotnet", "build", project, "--nologo", "-v", "q", "-p:TreatWarningsAsErrors=false"]).returncode != 0:
                statuses[suite] = "CompileError"
                continue
            try:
                result = run(["dotnet", "test", project, "--no-build", "--nologo", *filters], timeout=TEST_TIMEOUT_S)
                statuses[suite] = "Killed" if result.returncode != 0 else "Survived"
            except subprocess.TimeoutExpired:
                statuses[suite] = "Timeout"
    finally:
        path.write_text(original, encoding="utf-8")
    return line, statuses


RESULTS = HERE / "figures" / "manual-results.tsv"


def record(mutant_id, suite, status, commit):
    new = not RESULTS.exists()
    with open(RESULTS, "a", encoding="utf-8") as f:
        if new:
            f.write("id\tsuite\tstatus\tcommit\tat\n")
        f.write(f"{mutant_id}\t{suite}\t{status}\t{commit}\t{time.strftime('%H:%M', time.gmtime())} UTC\n")


def write_reports(mutants_by_id, seconds):
    latest = {}
    with open(RESULTS, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            latest[(row["id"], row["suite"])] = row
    for suite in SUITES:
        rows = [r for (i, s), r in latest.items() if s == suite and i in mutants_by_id]
        if not rows:
            continue
        report = {"schemaVersion": "1", "thresholds": {"high": 80, "low": 60}, "projectRoot": str(API), "files": {}}
        for row in rows:
            mutant = mutants_by_id[row["id"]]
            path = API / mutant["file"]
            source = path.read_text(encoding="utf-8")
            line = source[: source.index(mutant["original"])].count("\n") + 1 if mutant["original"] in source else 0
            entry = report["files"].setdefault(str(path), {"language": "cs", "source": source, "mutants": []})
            entry["mutants"].append({
                "id": mutant["id"], "mutatorName": f"Hand-made {mutant['id']} ({mutant['group']})",
                "replacement": mutant["replacement"], "status": row["status"], "static": False,
                "location": {"start": {"line": line, "column": 1}, "end": {"line": line, "column": 1}}})
        out = HERE / "StrykerOutput" / f"manual-{suite}" / "reports"
        out.mkdir(parents=True, exist_ok=True)
        (out / "mutation-report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        commits = ", ".join(sorted({r["commit"] for r in rows}))
        summary = run([sys.executable, str(HERE / "summarize.py"), str(out / "mutation-report.json"), "--suite", f"manual {suite}",
                       "--scope", "manual-mutants.tsv", "--commit", commits, "--seconds", str(seconds)]).stdout
        (HERE / "figures" / f"manual-{suite}.md").write_text(summary, encoding="utf-8")
        print(summary)


def main():
    # A stopped run still restores the mutated file (the finally in judge).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    suite_arg = sys.argv[1] if len(sys.argv) > 1 else "all"
    suites = list(SUITES) if suite_arg == "all" else [suite_arg]
    mutants = load_mutants(set(sys.argv[2:]))
    commit = run(["git", "rev-parse", "--short", "HEAD"]).stdout.strip()
    if run(["git", "diff", "--quiet", "HEAD", "--", "src", "tests", "features"]).returncode != 0:
        commit += "+changes"
    started = time.time()
    for mutant in mutants:
        _, statuses = judge(mutant, suites)
        print(f"{mutant['id']:<4} {mutant['group']:<28} " + " ".join(f"{s}={statuses[s]}" for s in suites), flush=True)
        for suite, status in statuses.items():
            record(mutant["id"], suite, status, commit)
    # Leave the build matching the unmutated source.
    for suite in suites:
        run(["dotnet", "build", SUITES[suite][0], "--nologo", "-v", "q"])
    write_reports({m["id"]: m for m in load_mutants(set())}, int(time.time() - started))


if __name__ == "__main__":
    main()
