#!/usr/bin/env python3
"""N databases asked for at once (N/2 FREE users, two each), each timed from the moment all are
asked for to its first psql login, against N `docker run`s of the same image with the same
limits (256 MiB, 0.5 CPU) started at once. Prints per-side wall time (the last login), the spread
(first, median, last) and the ratio of the wall times. Needs a running Hangar (HANGAR_URL, default
http://localhost:8080) on the local images, the docker CLI and psql.

    python3 bench/provisioning_concurrency.py --n 8 --rounds 2
"""
import argparse, statistics, subprocess, threading, time, uuid

from benchlib import call, free_port, wait_login


def at_once(jobs):
    results = [None] * len(jobs)

    def run(i):
        results[i] = jobs[i]()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def hangar_round(n):
    tokens = []
    for _ in range(n // 2):
        email = "bench-%s@example.com" % uuid.uuid4().hex[:8]
        tokens.append(call("POST", "/api/auth/register", {"email": email, "password": "Bench-Pass1!"})["token"])
    started = time.monotonic()

    def one(i):
        token = tokens[i // 2]
        created = call("POST", "/api/databases", {"engine": "PostgreSQL"}, token)
        took = wait_login(created["port"], created["username"], created["password"], created["databaseName"], started)
        return took, created["id"], token
    results = at_once([lambda i=i: one(i) for i in range(n)])
    for _, db, token in results:
        while call("GET", "/api/databases/" + db, token=token)["status"] == "CREATING":
            time.sleep(0.1)
        call("DELETE", "/api/databases/" + db, token=token)
    return [r[0] for r in results]


def docker_round(n, image):
    names = ["bench-" + uuid.uuid4().hex[:8] for _ in range(n)]
    started = time.monotonic()

    def one(i):
        port, name, pw = free_port(), names[i], "Bench-" + uuid.uuid4().hex[:12]
        subprocess.run(["docker", "run", "-d", "--name", name, "--memory", "256m", "--cpus", "0.5",
                        "-e", "POSTGRES_USER=bench", "-e", "POSTGRES_PASSWORD=" + pw, "-e", "POSTGRES_DB=bench",
                        "-v", name + "-data:/var/lib/postgresql/data", "-p", "%d:5432" % port, image],
                       check=True, capture_output=True)
        return wait_login(port, "bench", pw, "bench", started)
    try:
        return at_once([lambda i=i: one(i) for i in range(n)])
    finally:
        for name in names:
            subprocess.run(["docker", "rm", "-f", "-v", name], capture_output=True)
            subprocess.run(["docker", "volume", "rm", name + "-data"], capture_output=True)


def spread(times):
    return "%.1f / %.1f / %.1f" % (min(times), statistics.median(times), max(times))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--image", default="hangar/postgres:15")
    a = ap.parse_args()
    print("| N | round | docker run: first / median / last login (s) | Hangar: first / median / last (s) | ratio of the last |")
    print("|---|---|---|---|---|")
    ratios = []
    for r in range(a.rounds):
        base = docker_round(a.n, a.image)
        mine = hangar_round(a.n)
        ratios.append(max(mine) / max(base))
        print("| %d | %d | %s | %s | %.2f |" % (a.n, r + 1, spread(base), spread(mine), ratios[-1]), flush=True)
    print("\nmedian ratio of the wall times: %.2f" % statistics.median(ratios))


if __name__ == "__main__":
    main()
