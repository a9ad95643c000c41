"""Driver of bench/simulator-load/run.sh: registers the devices, schedules one two-step upgrade path each (spread over
the service instances), waits until every upgrade-path job is final (read from PostgreSQL), then compares the service's
final counts with the simulator's jobs list and counts nRF Cloud calls per job in the mock's journal."""
import argparse, collections, concurrent.futures, http.client, json, os, subprocess, sys, time, urllib.parse

API_KEY = "bench-simulator-key"
ADMIN = {"Authorization": "Bearer bench-admin", "Content-Type": "application/json"}
PATH = {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
FINAL_NRF = {"COMPLETED", "FAILED", "TIMED_OUT", "REJECTED", "CANCELLED"}


def call(base, method, path, body=None, headers=None):
    url = urllib.parse.urlparse(base)
    for attempt in range(5):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        try:
            connection.request(method, path, json.dumps(body) if body is not None else None, headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        except OSError:
            if attempt == 4:
                raise
            time.sleep(0.5)
        finally:
            connection.close()


def psql(args, sql):
    env = dict(os.environ, PGPASSWORD="fota")
    return subprocess.run([args.psql, "-h", "127.0.0.1", "-p", str(args.pg_port), "-U", "fota", "-d", "fota", "-At", "-F", "\t", "-c", sql],
                          check=True, capture_output=True, text=True, env=env).stdout.strip()


def peak_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, required=True)
    parser.add_argument("--api", action="append", required=True)
    parser.add_argument("--mock", required=True)
    parser.add_argument("--psql", required=True)
    parser.add_argument("--pg-port", required=True)
    parser.add_argument("--pid", action="append", required=True)
    args = parser.parse_args()
    apis, n = args.api, args.devices

    status, body = call(apis[0], "PUT", "/admin/accounts/bench", {"apiEndpoint": args.mock, "apiKey": API_KEY}, ADMIN)
    assert status in (200, 201), (status, body)
    ids = [f"bench-{i:06d}" for i in range(n)]

    def register(i):
        status, body = call(apis[i % len(apis)], "POST", "/admin/devices", {"model": "PCA20065", "account": "bench", "deviceId": ids[i]}, ADMIN)
        assert status == 201, (status, body)
        return json.loads(body)["fingerprint"]

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        fingerprints = list(pool.map(register, range(n)))
    print(f"registered {n} devices in {time.monotonic() - started:.1f} s")

    def schedule(i):
        status, body = call(apis[i % len(apis)], "POST", f"/v2/device/{ids[i]}/fota/app?fingerprint={fingerprints[i]}", PATH, {"Content-Type": "application/json"})
        return status

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        answers = collections.Counter(pool.map(schedule, range(n)))
    scheduled = time.monotonic()
    print(f"scheduled in {scheduled - started:.1f} s: answers {dict(answers)}")

    deadline = started + max(600, n * 0.5)
    while True:
        open_jobs = int(psql(args, "SELECT COUNT(*) FROM upgrade_path_jobs WHERE NOT is_final"))
        if open_jobs == 0 or time.monotonic() > deadline:
            break
        time.sleep(1)
    done = time.monotonic()
    print(f"all upgrade-path jobs final {done - started:.1f} s after the first schedule ({done - scheduled:.1f} s after the last)"
          if open_jobs == 0 else f"TIMED OUT: {open_jobs} upgrade-path jobs not final after {done - started:.0f} s")
    paths = dict(line.split("\t") for line in psql(args, "SELECT status, COUNT(*) FROM upgrade_path_jobs GROUP BY status").splitlines())
    print(f"upgrade-path jobs (service): {paths}")

    # Let the poller catch up with the last steps' nRF Cloud jobs (final already at nRF Cloud when the path ends).
    for _ in range(120):
        if int(psql(args, "SELECT COUNT(*) FROM fota_jobs WHERE status NOT IN ('COMPLETED','FAILED','TIMED_OUT','REJECTED','CANCELLED')")) == 0:
            break
        time.sleep(1)
    service = dict(line.split("\t") for line in psql(args, "SELECT status, COUNT(*) FROM fota_jobs GROUP BY status").splitlines())
    service = {k: int(v) for k, v in service.items()}

    simulated, token, pairs, own_pages = collections.Counter(), None, collections.Counter(), 0
    while True:
        own_pages += 1
        query = "/v1/fota-jobs?pageLimit=100" + (f"&pageNextToken={urllib.parse.quote(token)}" if token else "")
        status, body = call(args.mock, "GET", query, headers={"Authorization": f"Bearer {API_KEY}"})
        if status == 503:
            continue
        page = json.loads(body)
        for job in page["items"]:
            simulated[job["status"]] += 1
            for device in job["target"]["deviceIds"]:
                pairs[(device, job["firmware"]["bundleId"])] += 1
        token = page.get("pageNextToken")
        if not token:
            break
    print(f"nRF Cloud jobs: service {dict(sorted(service.items()))}, simulator {dict(sorted(simulated.items()))}, equal: {service == dict(simulated)}")
    twice = sum(1 for count in pairs.values() if count > 1)
    print(f"nRF Cloud jobs created twice for one device and bundle: {twice}")

    status, body = call(args.mock, "GET", f"/mock/requests?apiKey={API_KEY}")
    journal = json.loads(body)
    entries = journal if isinstance(journal, list) else journal.get("requests", journal.get("items", []))
    calls = collections.Counter()
    for entry in entries:
        request = entry.get("request", entry)
        path = request.get("path", "")
        key = f"{request.get('method')} " + ("/v1/fota-jobs/{id}" if path.startswith("/v1/fota-jobs/") else path.split("?")[0])
        calls[key] += 1
    calls["GET /v1/fota-jobs"] -= own_pages  # this script's own reads of the jobs list, not the service's
    calls = +calls
    jobs = max(1, sum(simulated.values()))
    print(f"nRF Cloud calls: {sum(calls.values())} for {jobs} jobs = {sum(calls.values()) / jobs:.2f} per job; "
          + ", ".join(f"{k} {v} ({v / jobs:.2f}/job)" for k, v in calls.most_common()))
    print("peak memory (VmHWM): " + ", ".join(f"instance {i + 1} {peak_mib(pid):.0f} MiB" for i, pid in enumerate(args.pid)))
    ok = open_jobs == 0 and service == dict(simulated) and twice == 0
    print("checks: " + ("PASS" if ok else "FAIL"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
