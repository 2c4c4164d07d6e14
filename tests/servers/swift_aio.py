"""OpenStack Swift all-in-one (PyPI ``swift``) on 127.0.0.1 with tempauth and s3api.

One replica, one device, ``workers = 0`` (one process per server), free ports, everything
(configs, rings, data, logs) in a fresh temporary folder. Native Swift API:
``auth_url`` + ``user``/``key``; S3 API on the same proxy: ``s3_endpoint`` with
``s3_access_key``/``s3_secret_key`` (signature v4, path-style, region us-east-1).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .base import ServerHandle, boot, http_request, make_base_dir
from .ports import LOOPBACK, free_ports

#: swift-*-server and swift-ring-builder come with the ``swift`` package, next to python.
SWIFT_BIN = Path(sys.executable).parent
BACKENDS = ("account", "container", "object")
PROXY_PIPELINE = (
    "catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl"
    " s3api tempauth staticweb copy slo dlo versioned_writes symlink proxy-logging proxy-server"
)
#: Level of the servers' own logs; INFO also logs every proxied request (useful for 503s).
LOG_LEVEL = os.environ.get("STOREBROWSER_SWIFT_LOG_LEVEL", "WARNING")
READY_CONTAINER = "storebrowser-readiness"
#: Storage policies (index, name): 0 is the default; each has its own object ring
#: (``object.ring.gz``, ``object-1.ring.gz``) on the one device.
POLICIES = ((0, "gold"), (1, "silver"))


@dataclass(frozen=True)
class SwiftPorts:
    proxy: int
    account: int
    container: int
    object: int
    memcached: int
    #: UDP port nobody listens on: without /dev/log Swift falls back to syslog over UDP
    #: to "localhost"; pointing it at 127.0.0.1 keeps that traffic on loopback.
    syslog_udp: int

    @classmethod
    def pick(cls) -> SwiftPorts:
        proxy, account, container, obj, memcached = free_ports(5)
        (syslog_udp,) = free_ports(1, socket.SOCK_DGRAM)
        return cls(proxy, account, container, obj, memcached, syslog_udp)

    def backend(self, name: str) -> int:
        return {"account": self.account, "container": self.container, "object": self.object}[name]


@dataclass(kw_only=True, eq=False)
class SwiftServer(ServerHandle):
    """A running Swift all-in-one; all URLs are on 127.0.0.1."""

    ports: SwiftPorts
    proxy_url: str
    auth_url: str  # v1 auth (tempauth)
    storage_url: str  # account URL of ``user``: .../v1/AUTH_test
    user: str = "test:tester"
    key: str = "testing"
    s3_endpoint: str
    s3_access_key: str = "test:tester"
    s3_secret_key: str = "testing"
    region: str = "us-east-1"
    #: Other tempauth users as (user, key) (test2:tester2 is admin of another account;
    #: test:tester3 is a non-admin user of account "test").
    other_users: tuple[tuple[str, str], ...] = (
        ("test2:tester2", "testing2"),
        ("test:tester3", "testing3"),
    )
    #: Whether the proxy offers object versioning (``X-Versions-Enabled``, s3api versioning).
    object_versioning: bool = True
    #: Worker processes each server forks (Swift's ``workers``); 0: one process per server,
    #: as the tests run it. Benchmarks ask for more to let a server use every core.
    workers: int = 0

    @property
    def etc_dir(self) -> Path:
        return self.base_dir / "etc"


# --------------------------------------------------------------------------- discovery


def swift_script(name: str) -> Path:
    """Path of a console script of the ``swift`` package installed in this interpreter's env."""
    path = SWIFT_BIN / name
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: install OpenStack Swift into this environment (pip install swift)"
        )
    return path


def find_memcached() -> Path:
    """memcached binary: Swift's proxy needs it for tokens and the info caches."""
    found = shutil.which("memcached") or (
        "/usr/bin/memcached" if Path("/usr/bin/memcached").exists() else None
    )
    if found is None:
        raise FileNotFoundError("memcached not found: apt-get install memcached")
    return Path(found)


def current_user() -> str:
    # From the uid, not $USER: Swift drops privileges to this name, and root needs it too.
    return pwd.getpwuid(os.geteuid()).pw_name


# --------------------------------------------------------------------------- configuration


def _common_conf(etc: Path, ports: SwiftPorts, port: int, workers: int = 0) -> str:
    return textwrap.dedent(
        f"""\
        [DEFAULT]
        swift_dir = {etc}
        bind_ip = {LOOPBACK}
        bind_port = {port}
        user = {current_user()}
        workers = {workers}
        log_level = {LOG_LEVEL}
        log_udp_host = {LOOPBACK}
        log_udp_port = {ports.syslog_udp}
        """
    )


def _swift_conf() -> str:
    return textwrap.dedent(
        """\
        [swift-hash]
        swift_hash_path_suffix = storebrowser-tests
        swift_hash_path_prefix = storebrowser-tests

        [swift-constraints]
        """
    ) + "".join(_policy_section(index, name) for index, name in POLICIES)


def _policy_section(index: int, name: str) -> str:
    default = "default = yes\n" if index == 0 else ""
    return f"\n[storage-policy:{index}]\nname = {name}\n{default}"


def _backend_conf(name: str, etc: Path, devices: Path, ports: SwiftPorts, workers: int = 0) -> str:
    # The replicator/updater/auditor sections are only read by daemons we never start;
    # they are here so that swift-init style tools find a complete config when debugging.
    return _common_conf(etc, ports, ports.backend(name), workers) + textwrap.dedent(
        f"""\
        devices = {devices}
        mount_check = false
        disable_fallocate = true

        [pipeline:main]
        pipeline = {name}-server

        [app:{name}-server]
        use = egg:swift#{name}

        [{name}-replicator]
        [{name}-updater]
        [{name}-auditor]
        """
    )


def _versioning_conf(object_versioning: bool) -> str:
    """Object versioning (the ``X-Versions-Enabled`` API, which s3api's bucket versioning
    also needs) is off unless ``allow_object_versioning`` is set; it needs ``symlink``
    after ``versioned_writes`` in the pipeline, and ``versioned_writes`` after ``copy``,
    ``slo`` and ``dlo`` (the order Swift's proxy enforces, as ``PROXY_PIPELINE`` has it)."""
    return textwrap.dedent(
        f"""\

        [filter:versioned_writes]
        use = egg:swift#versioned_writes
        allow_object_versioning = {str(object_versioning).lower()}
        """
    )


def _proxy_conf(etc: Path, ports: SwiftPorts, object_versioning: bool = True, workers: int = 0) -> str:
    filters = [
        "catch_errors",
        "gatekeeper",
        "healthcheck",
        "listing_formats",
        "bulk",
        "tempurl",
        "staticweb",
        "copy",
        "slo",
        "dlo",
        "symlink",
    ]
    simple = "".join(f"\n[filter:{f}]\nuse = egg:swift#{f}\n" for f in filters)
    return (
        _common_conf(etc, ports, ports.proxy, workers)
        + textwrap.dedent(
            f"""\

        [pipeline:main]
        pipeline = {PROXY_PIPELINE}

        [app:proxy-server]
        use = egg:swift#proxy
        account_autocreate = true
        allow_account_management = true

        [filter:tempauth]
        use = egg:swift#tempauth
        user_test_tester = testing .admin
        user_test2_tester2 = testing2 .admin
        user_test_tester3 = testing3
        storage_url_scheme = default

        [filter:s3api]
        use = egg:swift#s3api
        # boto3 signs v4 requests for this region; s3api checks the credential scope against it.
        # Other s3api options (s3_acl, check_bucket_owner, dns_compliant_bucket_names ...) keep
        # their defaults: boto3 path-style + sigv4 works with them.
        location = us-east-1

        [filter:cache]
        use = egg:swift#memcache
        memcache_servers = {LOOPBACK}:{ports.memcached}

        [filter:proxy-logging]
        use = egg:swift#proxy_logging
        """
        )
        + simple
        + _versioning_conf(object_versioning)
    )


def write_configs(
    etc: Path, devices: Path, ports: SwiftPorts, object_versioning: bool = True, workers: int = 0
) -> None:
    etc.mkdir(parents=True, exist_ok=True)
    (etc / "swift.conf").write_text(_swift_conf())
    for name in BACKENDS:
        (etc / f"{name}-server.conf").write_text(_backend_conf(name, etc, devices, ports, workers))
    (etc / "proxy-server.conf").write_text(_proxy_conf(etc, ports, object_versioning, workers))


def make_device(devices: Path) -> None:
    """Create the single device ``d1``; Swift stores object metadata in user xattrs."""
    device = devices / "d1"
    device.mkdir(parents=True)
    probe = device / ".xattr-probe"
    probe.touch()
    try:
        os.setxattr(probe, "user.storebrowser", b"1")
    except OSError as exc:
        raise RuntimeError(
            f"{devices} has no user xattrs ({exc}); point TMPDIR at ext4, xfs or tmpfs"
        ) from exc
    finally:
        probe.unlink()


def _build_ring(etc: Path, name: str, port: int) -> None:
    builder = swift_script("swift-ring-builder")
    file = etc / f"{name}.builder"
    steps = [["create", "8", "1", "1"], ["add", f"r1z1-{LOOPBACK}:{port}/d1", "100"], ["rebalance"]]
    output: list[str] = []
    for step in steps:
        # Exit code 1 from "rebalance" is only a warning; the ring file is the real check.
        run = subprocess.run([sys.executable, builder, file, *step], cwd=etc, capture_output=True, text=True)
        output.append(run.stdout + run.stderr)
    if not (etc / f"{name}.ring.gz").is_file():
        raise RuntimeError(f"building the {name} ring failed:\n" + "\n".join(output))


def _rings(ports: SwiftPorts) -> list[tuple[str, int]]:
    """(ring name, port): account, container, and one object ring per storage policy."""
    objects = [("object" if index == 0 else f"object-{index}", ports.object) for index, _ in POLICIES]
    return [("account", ports.account), ("container", ports.container), *objects]


def build_rings(etc: Path, ports: SwiftPorts) -> None:
    """One-replica rings, part power 8, built in parallel (~1 s instead of ~4)."""
    rings = _rings(ports)
    with ThreadPoolExecutor(len(rings)) as pool:
        jobs = [pool.submit(_build_ring, etc, name, port) for name, port in rings]
        for job in jobs:
            job.result()


# --------------------------------------------------------------------------- readiness


def _expect(status: int, allowed: tuple[int, ...], what: str) -> None:
    if status not in allowed:
        raise RuntimeError(f"{what} answered {status}")


def round_trip(server: SwiftServer) -> bool:
    """Authenticate, then PUT/GET/DELETE a tiny object; any failure raises (caller retries).

    /healthcheck only says the proxy is up; right after start the first PUT can still
    get a 503 while the back ends settle, so readiness is a real write.
    """
    auth = http_request("GET", server.auth_url, {"X-Auth-User": server.user, "X-Auth-Key": server.key})
    _expect(auth.status, (200,), "auth")
    token = {"X-Auth-Token": auth.headers["x-auth-token"]}
    container = f"{auth.headers['x-storage-url']}/{READY_CONTAINER}"
    obj = f"{container}/ping"
    _expect(http_request("PUT", container, token).status, (201, 202), "container PUT")
    _expect(http_request("PUT", obj, token, b"pong").status, (201,), "object PUT")
    got = http_request("GET", obj, token)
    _expect(got.status, (200,), "object GET")
    if got.body != b"pong":
        raise RuntimeError(f"object GET returned {got.body!r}")
    _expect(http_request("DELETE", obj, token).status, (204, 404), "object DELETE")
    # Leave the account empty: tests may list its containers.
    _expect(http_request("DELETE", container, token).status, (204, 404), "container DELETE")
    return True


def _healthy(server: SwiftServer) -> bool:
    return http_request("GET", f"{server.proxy_url}/healthcheck").status == 200


# --------------------------------------------------------------------------- start


def _prepare(server: SwiftServer) -> None:
    devices = server.base_dir / "srv"
    make_device(devices)
    write_configs(server.etc_dir, devices, server.ports, server.object_versioning, server.workers)
    build_rings(server.etc_dir, server.ports)


def _boot(server: SwiftServer) -> list[str | Path]:
    """The start of a server's command: through ``swift_boot.py``, which makes Swift
    read the storage policies of our swift.conf (it would read /etc/swift's)."""
    return [sys.executable, Path(__file__).with_name("swift_boot.py"), server.etc_dir]


def _start_processes(server: SwiftServer, timeout: float) -> None:
    ports = server.ports
    server.spawn(
        "memcached",
        [
            find_memcached(),
            "-l",
            LOOPBACK,
            "-p",
            str(ports.memcached),
            "-U",
            "0",
            "-m",
            "64",
            "-u",
            current_user(),
        ],
    )
    for name in BACKENDS:
        # -v: log to stdout as well (redirected to log/NAME.log); there is no syslog here.
        server.spawn(
            name,
            [
                *_boot(server),
                swift_script(f"swift-{name}-server"),
                server.etc_dir / f"{name}-server.conf",
                "-v",
            ],
        )
    # The proxy error-limits a node that refuses connections, so it starts only once
    # every back end listens.
    for port in (ports.memcached, ports.account, ports.container, ports.object):
        server.wait_for_port(port, timeout)
    server.spawn(
        "proxy",
        [
            *_boot(server),
            swift_script("swift-proxy-server"),
            server.etc_dir / "proxy-server.conf",
            "-v",
        ],
    )
    server.wait_for_port(ports.proxy, timeout)


def _start(server: SwiftServer, timeout: float) -> None:
    _prepare(server)
    _start_processes(server, timeout)
    server.wait_until("proxy /healthcheck", lambda: _healthy(server), timeout)
    server.wait_until("PUT/GET/DELETE round trip", lambda: round_trip(server), timeout)


def start_swift(timeout: float = 30.0, *, object_versioning: bool = True, workers: int = 0) -> SwiftServer:
    """Start a Swift all-in-one and return it once a real object round trip works;
    ``object_versioning=False``: a cluster that does not offer it (not in ``/info``);
    ``workers``: processes each server forks (0: one process per server)."""
    find_memcached()  # fail before creating anything when it is missing
    swift_script("swift-proxy-server")
    ports = SwiftPorts.pick()
    proxy_url = f"http://{LOOPBACK}:{ports.proxy}"
    server = SwiftServer(
        name="swift",
        base_dir=make_base_dir("swift"),
        ports=ports,
        proxy_url=proxy_url,
        auth_url=f"{proxy_url}/auth/v1.0",
        storage_url=f"{proxy_url}/v1/AUTH_test",
        s3_endpoint=proxy_url,
        object_versioning=object_versioning,
        workers=workers,
    )
    return boot(server, lambda s: _start(s, timeout))


__all__ = ["SwiftPorts", "SwiftServer", "start_swift"]
