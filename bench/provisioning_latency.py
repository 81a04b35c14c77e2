#!/usr/bin/env python3
"""Time from POST /api/databases to a first successful login, against `docker run` of the same image
to its first successful login, on the same machine in one run. Prints a Markdown table and the
median ratio. Needs a running Hangar (HANGAR_URL, default http://localhost:8080) configured with
the local images, the docker CLI, and psql (postgresql-client).

    python3 bench/provisioning_latency.py --runs 7 --image hangar/postgres:15
"""
import argparse, statistics, subprocess, time, uuid

from benchlib import call, free_port, wait_login


def hangar_run(token):
    started = time.monotonic()
    created = call("POST", "/api/databases", {"engine": "PostgreSQL"}, token)
    answered = time.monotonic() - started
    took = wait_login(created["port"], created["username"], created["password"], created["databaseName"], started)
    # the engine may accept a login a moment before Hangar records RUNNING; DELETE waits for that
    while call("GET", "/api/databases/" + created["id"], token=token)["status"] == "CREATING":
        time.sleep(0.05)
    call("DELETE", "/api/databases/" + created["id"], token=token)
    return took, answered


def docker_run(image, limits):
    port, name, pw = free_port(), "bench-" + uuid.uuid4().hex[:8], "Bench-" + uuid.uuid4().hex[:12]
    # with --limits, the same memory and CPU limits Hangar gives a FREE database
    extra = ["--memory", "256m", "--cpus", "0.5"] if limits else []
    started = time.monotonic()
    subprocess.run(["docker", "run", "-d", "--name", name, *extra, "-e", "POSTGRES_USER=bench",
                    "-e", "POSTGRES_PASSWORD=" + pw, "-e", "POSTGRES_DB=bench", "-v", name + "-data:/var/lib/postgresql/data",
                    "-p", "%d:5432" % port, image], check=True, capture_output=True)
    try:
        return wait_login(port, "bench", pw, "bench", started)
    finally:
        subprocess.run(["docker", "rm", "-f", "-v", name], capture_output=True)
        subprocess.run(["docker", "volume", "rm", name + "-data"], capture_output=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--image", default="hangar/postgres:15")
    ap.add_argument("--limits", action="store_true", help="give docker run the FREE plan's limits too")
    a = ap.parse_args()
    email = "bench-%s@example.com" % uuid.uuid4().hex[:8]
    token = call("POST", "/api/auth/register", {"email": email, "password": "Bench-Pass1!"})["token"]
    rows = []
    for i in range(a.runs):
        base = docker_run(a.image, a.limits)
        took, answered = hangar_run(token)
        rows.append((base, took, answered))
        print("run %d: docker run %.2fs, hangar %.2fs (201 after %.0f ms), ratio %.2f"
              % (i + 1, base, took, answered * 1000, took / base), flush=True)
    base_m = statistics.median(r[0] for r in rows)
    hangar_m = statistics.median(r[1] for r in rows)
    ratio_m = statistics.median(r[1] / r[0] for r in rows)
    ans_m = statistics.median(r[2] for r in rows)
    print("\n| run | docker run -> login (s) | POST -> login (s) | ratio | POST answered (ms) |")
    print("|---|---|---|---|---|")
    for i, (b, t, ans) in enumerate(rows, 1):
        print("| %d | %.2f | %.2f | %.2f | %.0f |" % (i, b, t, t / b, ans * 1000))
    print("| **median** | **%.2f** | **%.2f** | **%.2f** | **%.0f** |" % (base_m, hangar_m, ratio_m, ans_m * 1000))


if __name__ == "__main__":
    main()
