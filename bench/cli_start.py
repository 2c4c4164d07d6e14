"""How long ``storebrowser-cli`` takes to start: ``--version``, ``--help``, ``ls`` on the
local account, ``accounts list`` and ``put --help``, each run ``--runs`` times as a new
process (as scripts and the test suite run it), in a user of its own (empty config, data
and state folders under a temporary folder).

Prints per command: the median wall-clock time, the client CPU time per run (user +
system of the finished children, which load on a shared machine barely changes), and how
many of our modules (``storebrowser.*``) and modules in all the command imported.
Bytecode is kept in a cache of its own (``PYTHONPYCACHEPREFIX``), warmed by one unmeasured
run; ``--no-bytecode`` measures with ``PYTHONDONTWRITEBYTECODE`` and no cache instead (every
start compiles our modules again).

``--azure`` measures instead ``check`` of a local folder of 3 files against a container
on Azurite holding the same (started on 127.0.0.1 by ``tests/servers``; the SDK's import
and a listing included); ``--code DIR`` runs another project tree's ``storebrowser-cli``
(e.g. a checkout of main, for before/after). ``python -X importtime`` on the same command
says which imports the time goes to.

Run from the project root: ``python -m bench.cli_start`` (``--runs 20``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("--version",),
    ("--help",),
    ("ls",),
    ("ls", "box"),
    ("accounts", "list"),
    ("put", "--help"),
)

#: Run in the child instead of ``-m storebrowser.cli``: the command, then how many modules
#: it imported, on stderr's last line.
COUNTING = """
import runpy, sys
sys.argv = ["storebrowser-cli", *sys.argv[1:]]
try:
    runpy.run_module("storebrowser.cli", run_name="__main__")
except SystemExit:
    pass
ours = [m for m in sys.modules if m.startswith("storebrowser")]
print("modules", len(ours), len(sys.modules), file=sys.stderr)
"""


def user_env(home: Path, bytecode: bool, code: Path = ROOT) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AZURE_", "OS_", "ST_"))}
    env.update(
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONPATH=str(code),
    )
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(args: tuple[str, ...], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    # In the tree's folder: ``-m`` puts the current folder first on the path.
    command = [sys.executable, "-m", "storebrowser.cli", *args]
    return subprocess.run(command, env=env, capture_output=True, cwd=env["PYTHONPATH"])


def module_counts(args: tuple[str, ...], env: dict[str, str]) -> tuple[int, int]:
    command = [sys.executable, "-c", COUNTING, *args]
    done = subprocess.run(command, env=env, capture_output=True, cwd=env["PYTHONPATH"])
    last = done.stderr.decode().strip().splitlines()[-1].split()
    return int(last[1]), int(last[2])


def measure(args: tuple[str, ...], env: dict[str, str], runs: int) -> dict[str, object]:
    first = run_cli(args, env)  # unmeasured: warms the bytecode cache and the page cache
    if first.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {first.returncode}: {first.stderr.decode()}")
    walls: list[float] = []
    cpu = children_cpu()
    for _ in range(runs):
        start = time.perf_counter()
        run_cli(args, env)
        walls.append(time.perf_counter() - start)
    ours, everything = module_counts(args, env)
    return {
        "command": " ".join(args),
        "wall_median_ms": round(statistics.median(walls) * 1000),
        "cpu_per_run_ms": round((children_cpu() - cpu) / runs * 1000),
        "our_modules": ours,
        "all_modules": everything,
    }


def local_commands(env: dict[str, str], folder: Path, runs: int) -> list[dict[str, object]]:
    run_cli(("mb", "box"), env)
    box = folder / "data" / "StoreBrowser" / "Local files" / "box"
    for name in ("a.txt", "b.txt", "dir/c.txt"):
        (box / name).parent.mkdir(parents=True, exist_ok=True)
        (box / name).write_bytes(b"x")
    return [measure(args, env, runs) for args in COMMANDS]


def azure_check(env: dict[str, str], folder: Path, runs: int) -> list[dict[str, object]]:
    """``check`` of 3 files against their copies on Azurite (sent once by our sync)."""
    from tests.servers.azurite import start_azurite

    local = folder / "tree"
    for name in ("a.txt", "b.txt", "dir/c.txt"):
        (local / name).parent.mkdir(parents=True, exist_ok=True)
        (local / name).write_bytes(b"x")
    with start_azurite() as server:
        env["SB_BENCH_START_SECRET"] = server.connection_string
        secret = ("--secret-env", "connection_string=SB_BENCH_START_SECRET", "--secrets-in-file")
        for args in (("accounts", "add", "az", "--kind", "azure", *secret), ("sync", str(local), "az:box")):
            done = run_cli(args, env)
            if done.returncode != 0:
                raise SystemExit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr.decode()}")
        return [measure(("check", str(local), "az:box"), env, runs)]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=20)
    options.add_argument("--no-bytecode", action="store_true", help="compile our modules at every start")
    options.add_argument("--azure", action="store_true", help="a check against Azurite instead")
    options.add_argument("--code", type=Path, default=ROOT, help="the project tree whose CLI runs")
    options.add_argument("--json", action="store_true")
    given = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="cli-start-") as name:
        folder = Path(name)
        env = user_env(folder, bytecode=not given.no_bytecode, code=given.code.resolve())
        measured = azure_check if given.azure else local_commands
        figures = measured(env, folder, given.runs)
    if given.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{given.runs} runs each, {'no bytecode' if given.no_bytecode else 'bytecode cached'}")
    heads = ("wall median ms", "CPU/run ms", "our modules", "all modules")
    print(f"{'command':<20} {heads[0]:>15} {heads[1]:>11} {heads[2]:>12} {heads[3]:>12}")
    for f in figures:
        print(
            f"{f['command']:<20} {f['wall_median_ms']:>15} {f['cpu_per_run_ms']:>11} "
            f"{f['our_modules']:>12} {f['all_modules']:>12}"
        )


if __name__ == "__main__":
    main()
