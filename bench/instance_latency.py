#!/usr/bin/env python3
"""Time from POST /api/instances to `running` (Hangar's health check passed: Jupyter answered over
HTTP), against `docker run` of the same image with its Jupyter port published, to that port's first
HTTP answer; same machine, one run, alternating. Prints a Markdown table and the median ratio.
Needs a running Hangar (HANGAR_URL, default http://localhost:8080) and the docker CLI.

    python3 bench/instance_latency.py --runs 5 [--retry-delay-ms 250]
"""
import argparse, statistics, subprocess, time, urllib.error, urllib.request, uuid

from benchlib import call


def http_answers(port):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/" % port, timeout=2) as r:
            return r.status < 500
    except urllib.error.HTTPError as e:
        return e.code < 500
    except Exception:
        return False


def docker_run(image):
    name = "bench-ws-" + uuid.uuid4().hex[:8]
    started = time.monotonic()
    subprocess.run(["docker", "run", "-d", "--name", name, "-e", "HANGAR_WORKSPACE_TOKEN=" + uuid.uuid4().hex,
                    "-v", name + "-data:/workspace", "-p", "127.0.0.1::8888", "-p", "127.0.0.1::22",
                    "-p", "127.0.0.1::7681", image], check=True, capture_output=True)
    try:
        out = subprocess.run(["docker", "port", name, "8888/tcp"], check=True, capture_output=True, text=True).stdout
        port = int(out.strip().splitlines()[0].rsplit(":", 1)[1])
        while not http_answers(port):
            time.sleep(0.05)
        return time.monotonic() - started
    finally:
        subprocess.run(["docker", "rm", "-f", "-v", name], capture_output=True)
        subprocess.run(["docker", "volume", "rm", name + "-data"], capture_output=True)


def hangar_run(token, retry_delay_ms):
    body = {"name": "bench-" + uuid.uuid4().hex[:8], "instanceType": "small"}
    if retry_delay_ms:
        body["healthCheckConfig"] = {"retryDelayMs": retry_delay_ms}
    started = time.monotonic()
    created = call("POST", "/api/instances", body, token)
    answered = time.monotonic() - started
    while True:
        view = call("GET", "/api/instances/" + created["instanceId"], token=token)
        if view["status"] == "running":
            took = time.monotonic() - started
            break
        if view["status"] == "failed":
            raise RuntimeError(view["statusMessage"])
        time.sleep(0.05)
    call("DELETE", "/api/instances/" + created["instanceId"], token=token)
    return took, answered


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--image", default="hangar/workspace:bookworm")
    ap.add_argument("--retry-delay-ms", type=int, default=0, help="healthCheckConfig.retryDelayMs (default: seed 004's 2000)")
    a = ap.parse_args()
    email = "bench-%s@example.com" % uuid.uuid4().hex[:8]
    token = call("POST", "/api/auth/register", {"email": email, "password": "Bench-Pass1!"})["token"]
    rows = []
    for i in range(a.runs):
        base = docker_run(a.image)
        took, answered = hangar_run(token, a.retry_delay_ms)
        rows.append((base, took, answered))
        print("run %d: docker run %.2fs, hangar %.2fs (201 after %.0f ms), ratio %.2f"
              % (i + 1, base, took, answered * 1000, took / base), flush=True)
    print("\n| run | docker run -> Jupyter answers (s) | POST -> running (s) | ratio | POST answered (ms) |")
    print("|---|---|---|---|---|")
    for i, (b, t, ans) in enumerate(rows, 1):
        print("| %d | %.2f | %.2f | %.2f | %.0f |" % (i, b, t, t / b, ans * 1000))
    print("| **median** | **%.2f** | **%.2f** | **%.2f** | **%.0f** |" % (
        statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows),
        statistics.median(r[1] / r[0] for r in rows), statistics.median(r[2] for r in rows) * 1000))


if __name__ == "__main__":
    main()
