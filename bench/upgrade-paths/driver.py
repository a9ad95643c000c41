#!/usr/bin/env python3
"""Drives the upgrade-path benchmark against two running service instances (see run.sh).

Phase 1: <devices> devices, each scheduled a two-step app upgrade path (2.0.0 -> 2.0.1 -> 2.0.2) on instance A or B
in turn; waits until every job is SUCCEEDED; checks exactly 2 nRF Cloud jobs per device and device-list calls of at
most 100 ids; prints the wall time and the nRF Cloud calls per job.
Phase 2: <stateDevices> devices whose upgrade path waits for a device that never reports (a 'stuck-' API key): every
device needs a background state read; measures the state-read rounds (calls per round, ids per call, round time).
Exits 1 when a check fails.
"""
import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

api_a, api_b, admin_token, stub, devices_n, state_n = sys.argv[1:7]
devices_n, state_n = int(devices_n), int(state_n)
apis = [api_a, api_b]
pool = ThreadPoolExecutor(16)
PATH = {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}
failures = []


def call(method, url, body=None, token=None, expect=(200,)):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for attempt in range(5):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                payload = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            payload, status = error.read(), error.code
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2 * (attempt + 1))
            continue
        if status not in expect:
            raise RuntimeError(f"{method} {url} -> {status} {payload[:300]!r}")
        return json.loads(payload) if payload else None
    raise RuntimeError(f"{method} {url}: no answer")


def provision(account, key, n):
    call("PUT", f"{api_a}/admin/accounts/{account}", {"apiEndpoint": stub, "apiKey": key}, admin_token, (200, 201))
    return list(pool.map(lambda _: call("POST", f"{api_a}/admin/devices", {"model": "PCA20065", "account": account}, admin_token, (201,)), range(n)))


def schedule(args):
    index, device, path = args
    api = apis[index % 2]
    return call("POST", f"{api}/v2/device/{device['deviceId']}/fota/app?fingerprint={device['fingerprint']}", {"upgradePath": path}, expect=(201,))


def newest_job(args):
    index, device = args
    api = apis[index % 2]
    jobs = call("GET", f"{api}/v2/device/{device['deviceId']}/fota/jobs?fingerprint={device['fingerprint']}")["jobs"]
    return jobs[0] if jobs else None


def stats():
    return call("GET", f"{stub}/_stats")


# Phase 1 -------------------------------------------------------------------------------------------------------------
if devices_n > 0:
    t = time.time()
    fleet = provision("bench", "bench-key", devices_n)
    print(f"provisioned {devices_n} devices in {time.time() - t:.1f} s", flush=True)
    start = time.time()
    list(pool.map(schedule, [(i, d, PATH) for i, d in enumerate(fleet)]))
    scheduled = time.time() - start
    pending = dict(enumerate(fleet))
    final = {}
    while pending and time.time() - start < 900:
        results = list(pool.map(newest_job, pending.items()))
        for (index, _), job in zip(list(pending.items()), results):
            if job and job["status"] in ("SUCCEEDED", "FAILED"):
                final[index] = job
                del pending[index]
        if pending:
            time.sleep(0.2)
    wall = time.time() - start
    s = stats()
    bench_calls = s["calls"].get("bench-key", {})
    creates = s["creates"].get("bench-key", {})
    reads = s["deviceReads"].get("bench-key", [])
    succeeded = sum(1 for job in final.values() if job["status"] == "SUCCEEDED" and job.get("statusDetail") == "No more bundles to apply for 2.0.2. Job completed.")
    two_jobs = sum(1 for d in fleet if creates.get(d["deviceId"]) == 2)
    max_ids = max((n for _, n in reads), default=0)
    total = sum(bench_calls.values())
    print(f"phase 1: {devices_n} two-step upgrade paths on 2 instances sharing PostgreSQL")
    print(f"  scheduling (201s)        {scheduled:.1f} s")
    print(f"  wall time to all final   {wall:.1f} s ({len(pending)} not final)")
    print(f"  SUCCEEDED                {succeeded}/{devices_n}")
    print(f"  exactly 2 nRF Cloud jobs {two_jobs}/{devices_n}")
    print(f"  nRF Cloud calls          {total} = {total / devices_n:.2f} per job: " + ", ".join(f"{k} {v} ({v / devices_n:.2f}/job)" for k, v in sorted(bench_calls.items())))
    print(f"  device-list calls        {len(reads)}, ids per call max {max_ids}, mean {sum(n for _, n in reads) / max(len(reads), 1):.1f}")
    if succeeded != devices_n:
        failures.append(f"{devices_n - succeeded} jobs not SUCCEEDED")
    if two_jobs != devices_n:
        failures.append(f"{devices_n - two_jobs} devices without exactly 2 nRF Cloud jobs")
    if max_ids > 100:
        failures.append(f"a device-list call named {max_ids} ids (> 100)")

# Phase 2 -------------------------------------------------------------------------------------------------------------
if state_n > 0:
    t = time.time()
    stuck = provision("stuck", "stuck-key", state_n)
    print(f"provisioned {state_n} devices in {time.time() - t:.1f} s", flush=True)
    t = time.time()
    list(pool.map(schedule, [(i, d, {"2.0.0": "APP*1e29dfa3*v2.0.1"}) for i, d in enumerate(stuck)]))
    print(f"scheduled {state_n} jobs in {time.time() - t:.1f} s", flush=True)
    # Every job's nRF Cloud job is COMPLETED at its first poll; wait until every device has been polled, then a little.
    while time.time() - t < 600:
        s = stats()
        if s["calls"].get("stuck-key", {}).get("status", 0) >= state_n:
            break
        time.sleep(1)
    time.sleep(2)
    call("POST", f"{stub}/_reset", {})
    window = 30
    time.sleep(window)
    reads = stats()["deviceReads"].get("stuck-key", [])
    ids = sum(n for _, n in reads)
    rounds = ids / state_n
    # Rounds from the call log: consecutive calls until state_n ids were read.
    durations, first, acc = [], None, 0
    for when, n in reads:
        first = first if first is not None else when
        acc += n
        if acc >= state_n:
            durations.append(when - first)
            first, acc = None, 0
    per_round = len(reads) / rounds if rounds else float("inf")
    print(f"phase 2: background state reads for {state_n} devices waiting for a report, {window} s window")
    print(f"  device-list calls        {len(reads)}, ids read {ids} = {rounds:.1f} rounds")
    print(f"  calls per round          {per_round:.1f} (limit {state_n / 100:.0f}: 1 per 100 devices), ids per call max {max((n for _, n in reads), default=0)}")
    if durations:
        durations.sort()
        print(f"  one round (calls' span)  median {durations[len(durations) // 2]:.2f} s, min {durations[0]:.2f} s, max {durations[-1]:.2f} s over {len(durations)} rounds")
    if rounds < 1:
        failures.append("not one full state-read round in the window")
    if per_round > state_n / 100 + 0.5:
        failures.append(f"{per_round:.1f} calls per round > {state_n / 100:.0f}")

print("FAILED: " + "; ".join(failures) if failures else "all checks passed")
sys.exit(1 if failures else 0)
