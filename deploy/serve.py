"""Serve the assistant the way it is served for many people: N Streamlit processes behind nginx, on this machine.

    python deploy/serve.py --workers 2 --port 8080            # what `make serve WORKERS=2` runs
    python deploy/serve.py --host asystent.example.pl --listen 127.0.0.1 --port 8080 --workers 8

It renders deploy/nginx.conf.template into a fresh temporary directory (nginx's prefix: its pid file, its empty
temporary directories), starts the Streamlit processes on 127.0.0.1 (the served configuration: no file watcher,
no run-on-save, headless, allowed hosts set), waits until they answer /_stcore/health, then starts nginx in the
foreground as an ordinary process (never Debian's system service, never /etc/nginx). It stays in the foreground
and supervises: a Streamlit process that exits, or fails its health check three times in a row, is restarted
(with a growing pause if it keeps dying). Ctrl-C or SIGTERM stops everything; if nginx itself dies, everything
stops and the exit code is 1 (systemd, or whoever started it, restarts the whole).

Its own log lines (on stderr) name processes and ports only, never a person's data. docs/deploy.md says how to
run it for a region or the whole country. tests/test_deploy_nginx.py runs it (as the `Cluster` class below).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TEMPLATE = Path(__file__).resolve().with_name("nginx.conf.template")
STREAMLIT_CONFIG = ROOT / ".streamlit" / "config.toml"

STREAMLIT_DEFAULT_MAX_UPLOAD_MB = 200  # Streamlit's own default for server.maxUploadSize
MULTIPART_MARGIN_MB = 1  # room for the multipart envelope around an upload of exactly maxUploadSize
ROUTE_COOKIE = "asystent_route"
HEALTH_PATH = "/_stcore/health"
HEALTH_INTERVAL_S = 5.0  # how often each process's health is checked
HEALTH_FAILURES = 3  # failed checks in a row (after it was first healthy) before a process is restarted
STARTUP_TIMEOUT_S = 90.0
RESTART_PAUSES_S = (0.0, 1.0, 2.0, 5.0, 10.0, 30.0)  # the pause before the n-th restart in a row of quick deaths
STABLE_AFTER_S = 60.0  # a process that lived this long starts the count of quick deaths again


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} asystent-serve: {message}", file=sys.stderr, flush=True)


# --- the configuration: pure ------------------------------------------------------------------------------------


def find_nginx() -> str | None:
    """nginx's executable: $NGINX, else `nginx` on PATH, else Debian's /usr/sbin/nginx (not on a user's PATH)."""
    override = os.environ.get("NGINX")
    if override:
        return override if Path(override).is_file() else None
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None


def max_upload_mb(config: Path = STREAMLIT_CONFIG) -> int:
    """Streamlit's server.maxUploadSize (megabytes, 1 MB = 2^20 bytes) as the app's config.toml sets it."""
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return STREAMLIT_DEFAULT_MAX_UPLOAD_MB
    value = data.get("server", {}).get("maxUploadSize", STREAMLIT_DEFAULT_MAX_UPLOAD_MB)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"server.maxUploadSize in {config} must be a positive whole number of megabytes")
    return value


def upload_body_limit_mb(config: Path = STREAMLIT_CONFIG) -> int:
    """nginx's client_max_body_size for uploads: Streamlit's limit plus the multipart envelope."""
    return max_upload_mb(config) + MULTIPART_MARGIN_MB


@dataclass(frozen=True)
class Settings:
    """What the served configuration depends on."""

    worker_ports: tuple[int, ...]
    port: int = 8080
    listen: str = "127.0.0.1"
    hosts: tuple[str, ...] = ("localhost", "127.0.0.1")
    prefix: Path = Path("/tmp/asystent-nginx")
    access_log: str = "/dev/stdout"  # or a file, or "off"
    error_log: str = "stderr"
    nginx_workers: str = "auto"
    cookie_secure: bool = False  # set when people reach nginx over HTTPS (docs/deploy.md)
    fail_timeout_s: int = 10  # how long nginx leaves out a process that refused a connection
    upload_body_mb: int = field(default_factory=upload_body_limit_mb)

    def __post_init__(self):
        if not self.worker_ports:
            raise ValueError("at least one Streamlit process is needed")
        for host in self.hosts:
            if not re.fullmatch(r"[A-Za-z0-9.*-]+|\[[0-9A-Fa-f:.]+\]", host):
                raise ValueError(f"not a host name nginx and Streamlit both accept: {host!r}")

    def worker_id(self, index: int) -> str:
        return f"w{index + 1}"


def _upstream(name: str, primary: int | None, ports: tuple[int, ...], fail_timeout_s: int) -> str:
    lines = [f"    upstream {name} {{"]
    if primary is None:
        lines.append("        least_conn;")
    for port in ports:
        backup = " backup" if primary is not None and port != primary else ""
        lines.append(f"        server 127.0.0.1:{port}{backup} max_fails=1 fail_timeout={fail_timeout_s}s;")
    lines += ["        keepalive 8;", "    }"]
    return "\n".join(lines)


def render(settings: Settings, template: Path = TEMPLATE) -> str:
    """The nginx configuration for these settings (the template with every @@...@@ filled in)."""
    ports = settings.worker_ports
    ids = [settings.worker_id(i) for i in range(len(ports))]
    pools = [f"        {wid}    asystent_{wid};" for wid in ids]
    served = [f"        ~(^|\\s)127\\.0\\.0\\.1:{port}$    {wid};" for wid, port in zip(ids, ports, strict=True)]
    upstreams = [_upstream(f"asystent_{wid}", port, ports, settings.fail_timeout_s)
                 for wid, port in zip(ids, ports, strict=True)]
    upstreams.append(_upstream("asystent_any", None, ports, settings.fail_timeout_s))
    address = f"[{settings.listen}]" if ":" in settings.listen else settings.listen  # an IPv6 address in brackets
    listen = f"{address}:{settings.port}"
    values = {
        "USER": "user nobody nogroup;" if os.geteuid() == 0 else "# (not root: nginx runs as this user)",
        "NGINX_WORKERS": settings.nginx_workers,
        "PREFIX": str(settings.prefix),
        "ERROR_LOG": settings.error_log,
        "ACCESS_LOG": "off" if settings.access_log == "off" else f"{settings.access_log} asystent",
        "UPLOAD_BODY_LIMIT": f"{settings.upload_body_mb}m",
        "POOL_BY_COOKIE": "\n".join(pools),
        "SERVED_BY_ADDRESS": "\n".join(served),
        "COOKIE_SECURE": "; Secure" if settings.cookie_secure else "",
        "UPSTREAMS": "\n\n".join(upstreams),
        "LISTEN": listen,
        "SERVER_NAMES": " ".join(settings.hosts),
    }
    text = template.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    left = re.findall(r"@@[A-Z_]+@@", text)
    if left:
        raise ValueError(f"the template names values nobody fills in: {sorted(set(left))}")
    return text


def streamlit_command(port: int, hosts: tuple[str, ...], python: str = sys.executable) -> list[str]:
    """One Streamlit process of the served configuration: loopback only, no file watcher, no run-on-save."""
    cmd = [
        python, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        "--browser.gatherUsageStats", "false",
    ]
    for host in hosts:
        cmd += ["--server.allowedHosts", host.strip("[]")]
    return cmd


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port: int, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{HEALTH_PATH}", timeout=timeout) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


# --- the processes ---------------------------------------------------------------------------------------------


@dataclass
class Worker:
    """One Streamlit process and what the supervisor knows about it."""

    id: str
    port: int
    process: subprocess.Popen | None = None
    started: float = 0.0
    was_healthy: bool = False
    failed_checks: int = 0
    next_check: float = 0.0
    quick_deaths: int = 0
    restart_at: float | None = None
    restarts: int = 0


class Cluster:
    """N Streamlit processes and nginx in front, supervised; a context manager, or `run()` in the foreground.

    `restart=False` leaves a dead process dead (the supervisor still reports it). Output of the Streamlit processes
    and of nginx goes to `output` (inherited when None)."""

    def __init__(self, settings: Settings, *, restart: bool = True, output: IO | None = None,
                 streamlit_env: dict[str, str] | None = None):
        self.settings = settings
        self.restart = restart
        self.output = output
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1", **(streamlit_env or {})}
        self.workers = [Worker(settings.worker_id(i), port) for i, port in enumerate(settings.worker_ports)]
        self.nginx: subprocess.Popen | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.events: list[str] = []  # what the supervisor did, for the log and the tests

    @property
    def url(self) -> str:
        listen = self.settings.listen
        return f"http://{f'[{listen}]' if ':' in listen else listen}:{self.settings.port}"

    def _note(self, message: str) -> None:
        self.events.append(message)
        log(message)

    # starting

    def _start_worker(self, worker: Worker) -> None:
        worker.process = subprocess.Popen(
            streamlit_command(worker.port, self.settings.hosts), cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
            stdout=self.output, stderr=subprocess.STDOUT if self.output is not None else None,
            process_group=0)  # Ctrl-C reaches this script only, which stops the processes in order
        worker.started = time.monotonic()
        worker.was_healthy = False
        worker.failed_checks = 0
        worker.next_check = worker.started + 1.0
        worker.restart_at = None

    def _wait_healthy(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        pending = list(self.workers)
        while pending and time.monotonic() < deadline:
            for worker in list(pending):
                if worker.process.poll() is not None:
                    raise RuntimeError(f"{worker.id} (port {worker.port}) exited with code "
                                       f"{worker.process.returncode} before it was healthy")
                if healthy(worker.port, timeout=1.0):
                    worker.was_healthy = True
                    pending.remove(worker)
            time.sleep(0.1)
        if pending:
            raise RuntimeError(f"not healthy within {timeout:.0f} s: {', '.join(w.id for w in pending)}")

    def _start_nginx(self) -> None:
        nginx = find_nginx()
        if nginx is None:
            raise RuntimeError("nginx not found: install Debian's package (`apt-get install -y nginx`; .ci/run "
                               "does it) or set NGINX=/path/to/nginx")
        prefix = self.settings.prefix
        (prefix / "nginx.conf").write_text(render(self.settings), encoding="utf-8")
        cmd = [nginx, "-p", f"{prefix}/", "-c", f"{prefix}/nginx.conf", "-e", self.settings.error_log,
               "-g", "daemon off;"]
        check = subprocess.run([*cmd[:-2], "-t", "-q"], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused the configuration:\n{check.stderr}")
        self.nginx = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self.output,
                                      stderr=subprocess.STDOUT if self.output is not None else None, process_group=0)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.nginx.poll() is not None:
                raise RuntimeError(f"nginx exited with code {self.nginx.returncode}")
            try:
                with socket.create_connection((self.settings.listen, self.settings.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not listen within 10 s")

    def start(self, *, supervise_in_background: bool = True) -> "Cluster":
        self.settings.prefix.mkdir(parents=True, exist_ok=True)
        try:
            for worker in self.workers:
                self._start_worker(worker)
            self._wait_healthy()
            self._start_nginx()
        except BaseException:
            self.stop()
            raise
        self._note(f"serving {self.url} with {len(self.workers)} Streamlit processes "
                   f"(ports {', '.join(str(w.port) for w in self.workers)})")
        if supervise_in_background:
            self._thread = threading.Thread(target=self._supervise, name="asystent-supervisor", daemon=True)
            self._thread.start()
        return self

    # supervising

    def _supervise(self) -> None:
        while not self._stop.wait(0.25):
            if not self.supervise_once():
                return

    def supervise_once(self) -> bool:
        """One look at every process; False when nginx has died (everything must stop)."""
        with self._lock:
            if self._stop.is_set():
                return True
            now = time.monotonic()
            if self.nginx is not None and self.nginx.poll() is not None:
                self._note(f"nginx exited with code {self.nginx.returncode}; stopping")
                return False
            for worker in self.workers:
                self._look_at(worker, now)
            return True

    def _look_at(self, worker: Worker, now: float) -> None:
        process = worker.process
        if worker.restart_at is not None:
            if now >= worker.restart_at:
                worker.restarts += 1
                self._note(f"{worker.id} (port {worker.port}) restarting (restart {worker.restarts})")
                self._start_worker(worker)
            return
        if process is None:
            return
        code = process.poll()
        if code is not None:
            lived = now - worker.started
            worker.quick_deaths = 0 if lived >= STABLE_AFTER_S else worker.quick_deaths + 1
            pause = RESTART_PAUSES_S[min(worker.quick_deaths, len(RESTART_PAUSES_S) - 1)]
            if self.restart:
                self._note(f"{worker.id} (port {worker.port}) exited with code {code}; nginx sends its people "
                           f"to the other processes; restarting in {pause:g} s")
                worker.restart_at = now + pause
            else:
                self._note(f"{worker.id} (port {worker.port}) exited with code {code}; not restarted")
                worker.process = None
            return
        if now < worker.next_check:
            return
        worker.next_check = now + HEALTH_INTERVAL_S
        if healthy(worker.port):
            worker.was_healthy = True
            worker.failed_checks = 0
            return
        if not worker.was_healthy and now - worker.started < STARTUP_TIMEOUT_S:
            return  # still starting
        worker.failed_checks += 1
        if worker.failed_checks >= HEALTH_FAILURES:
            self._note(f"{worker.id} (port {worker.port}) failed {worker.failed_checks} health checks in a row; "
                       "stopping it")
            _terminate(process)  # the next look sees it exited and restarts it

    def kill_worker(self, worker_id: str, sig: int = signal.SIGKILL) -> int:
        """Kill one Streamlit process as a crash would (for the tests); return its pid."""
        worker = next(w for w in self.workers if w.id == worker_id)
        with self._lock:
            pid = worker.process.pid
            worker.process.send_signal(sig)
            worker.process.wait(timeout=10)
        return pid

    def worker(self, worker_id: str) -> Worker:
        return next(w for w in self.workers if w.id == worker_id)

    # stopping

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        with self._lock:
            # nginx first (fast shutdown: the websockets end anyway), then every Streamlit process at once
            processes = [self.nginx] if self.nginx is not None else []
            processes += [w.process for w in self.workers if w.process is not None]
            for process in processes:
                if process.poll() is None:
                    with contextlib.suppress(ProcessLookupError):
                        process.terminate()
            for process in processes:
                _terminate(process)  # waits, and kills what did not stop within 10 s
            self.nginx = None
            for worker in self.workers:
                worker.process = None

    def run(self) -> int:
        """In the foreground until Ctrl-C / SIGTERM (0) or nginx's death (1)."""
        stop_asked = threading.Event()

        def on_signal(signum, _frame):
            stop_asked.set()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)
        self.start(supervise_in_background=False)
        print(f"\n  The assistant: {self.url}  ({len(self.workers)} Streamlit processes behind nginx; Ctrl-C stops)\n",
              flush=True)
        code = 0
        try:
            while not stop_asked.wait(0.25):
                if not self.supervise_once():
                    code = 1
                    break
        finally:
            log("stopping")
            self.stop()
        return code

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _terminate(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 10.0) -> None:
    """Ask the process to stop (`sig`), wait for it, kill it if it has not stopped within `timeout`."""
    if process.poll() is not None:
        return
    try:
        process.send_signal(sig)
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)
    except ProcessLookupError:
        pass


# --- the command line ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="N Streamlit processes of the assistant behind nginx, supervised.")
    p.add_argument("--workers", type=int, default=2, help="Streamlit processes (default 2; about one per core)")
    p.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    p.add_argument("--listen", default="127.0.0.1",
                   help="nginx's address (default 127.0.0.1; 0.0.0.0 for every interface)")
    p.add_argument("--host", action="append", dest="hosts", metavar="NAME",
                   help="a host name people use (repeatable; default localhost and 127.0.0.1); any other Host "
                        "header is refused")
    p.add_argument("--base-port", type=int, default=8601,
                   help="the first Streamlit process's port on 127.0.0.1 (default 8601; the next ones follow)")
    p.add_argument("--access-log", default="/dev/stdout", help="nginx's access log: a file, /dev/stdout or off")
    p.add_argument("--nginx-workers", default="auto", help="nginx's worker_processes (default auto)")
    p.add_argument("--https", action="store_true",
                   help="people reach nginx over HTTPS (TLS at a proxy in front): the route cookie gets Secure")
    p.add_argument("--print-config", action="store_true", help="print the nginx configuration and exit")
    args = p.parse_args(argv)
    if args.workers < 1:
        p.error("--workers must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    hosts = tuple(args.hosts or ("localhost", "127.0.0.1"))
    with tempfile.TemporaryDirectory(prefix="asystent-nginx-") as prefix:
        os.chmod(prefix, 0o755)  # nginx's workers (nobody, when started as root) read nothing here but must enter
        settings = Settings(
            worker_ports=tuple(args.base_port + i for i in range(args.workers)), port=args.port,
            listen=args.listen, hosts=hosts, prefix=Path(prefix), access_log=args.access_log,
            nginx_workers=args.nginx_workers, cookie_secure=args.https)
        if args.print_config:
            print(render(settings))
            return 0
        try:
            return Cluster(settings).run()
        except RuntimeError as exc:  # could not start: the reason, without a traceback
            log(f"could not start: {exc}")
            return 2


if __name__ == "__main__":
    sys.exit(main())
