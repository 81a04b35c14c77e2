"""What the provisioning benchmarks share: Hangar's HTTP API, psql logins, free ports."""
import json, os, socket, subprocess, time, urllib.request

URL = os.environ.get("HANGAR_URL", "http://localhost:8080")


def call(method, path, body=None, token=None):
    req = urllib.request.Request(URL + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read() or b"null")


def login_ok(port, user, password, db):
    env = dict(os.environ, PGPASSWORD=password, PGCONNECT_TIMEOUT="2")
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d", db, "-tAc", "select 1"],
                          env=env, capture_output=True).returncode == 0


def wait_login(port, user, password, db, started, limit=300, pause=0.05):
    while time.monotonic() - started < limit:
        if login_ok(port, user, password, db):
            return time.monotonic() - started
        time.sleep(pause)
    raise RuntimeError("no login within %ss" % limit)


def free_port():
    with socket.socket() as s:
        s.bind(("0.0.0.0", 0))
        return s.getsockname()[1]
