"""put, get, restore, backup, publish, jobs: the transfer commands, on the engine."""

from __future__ import annotations

import argparse
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from storebrowser.cli import versions
from storebrowser.cli.context import (
    Context,
    OperationFailed,
    UsageError,
    parse_pairs,
    split_location,
    split_object,
)
from storebrowser.cli.jobrun import forget_settled, run_engine, run_jobs
from storebrowser.cli.places import resolve_place
from storebrowser.cli.progress import wait_for
from storebrowser.cli.tiers import upload_class
from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import CustomerKeyRequired, InvalidConfiguration
from storebrowser.core.expiry import parse_duration, parse_moment
from storebrowser.core.types import WebsiteConfig
from storebrowser.transfers.jobs import ConflictPolicy, JobKind, JobSpec, State
from storebrowser.transfers.journal import Journal
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.sources import is_contents, key_name, sources_problem, upload_prefix
from storebrowser.transfers.tarstream import DEFAULT_BACKUP_NAME, TarStream, backup_name

CONFLICTS = [p.value for p in ConflictPolicy if p is not ConflictPolicy.ASK]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    put = commands.add_parser(
        "put",
        help="upload files and folders",
        description="Upload files and folders. A folder keeps its name (DIR -> PREFIX/DIR/...); "
        "with a trailing slash only its contents go (DIR/ -> PREFIX/...).",
    )
    put.add_argument("sources", nargs="+", metavar="LOCAL")
    put.add_argument("target", metavar="CONTAINER[/PREFIX]")
    put.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE", help="user metadata")
    put.add_argument("--content-type", help="Content-Type (default: from each file's name)")
    put.add_argument(
        "--class", dest="storage_class", metavar="CLASS",
        help="the storage class (access tier) to store them in (`storebrowser-cli classes`)",
    )  # fmt: skip
    put.add_argument(
        "--sse",
        metavar="s3|kms[:KEY]|c|scope:NAME",
        help="server-side encryption: SSE-S3, SSE-KMS (with a key id), SSE-C (the account's key from "
        "the keyring: see sse-key), an Azure encryption scope",
    )
    expiry = put.add_mutually_exclusive_group()
    expiry.add_argument("--expire-after", metavar="DURATION",
                        help="the server deletes each object this long after it is written (Swift): "
                        "90s, 10m, 12h, 7d, 2w")  # fmt: skip
    expiry.add_argument("--expire-at", metavar="ISO", help="the server deletes each object then (Swift)")
    put.set_defaults(run=cmd_put)

    get = commands.add_parser(
        "get",
        help="download objects (KEY/ for a whole folder) into a folder",
        description="Download objects into a folder. KEY/ is a folder; KEY is the object of that "
        "name, or the folder KEY/ when there is no such object.",
    )
    get.add_argument("objects", nargs="+", metavar="CONTAINER/KEY")
    get.add_argument("folder", metavar="LOCAL")
    get.add_argument("--conflict", choices=CONFLICTS, default="overwrite", help="when a file exists")
    get.add_argument(
        "--version", metavar="ID", dest="version_id", help="an earlier version of one object (see `versions`)"
    )
    get.set_defaults(run=cmd_get)

    restore = commands.add_parser(
        "restore",
        help="every object of a container or folder into a local folder",
        description="Download a whole container or folder (C/photos means photos/, which lands as "
        "DIR/photos/...; an object of that name when there is no such folder). With --prefix, every "
        "key that starts with the text given.",
    )
    restore.add_argument("source", metavar="CONTAINER[/FOLDER]")
    restore.add_argument("folder", metavar="DIR")
    restore.add_argument("--conflict", choices=CONFLICTS, default="overwrite", help="when a file exists")
    restore.add_argument("--prefix", action="store_true", help="FOLDER is a plain prefix of keys")
    restore.set_defaults(run=cmd_restore)

    backup = commands.add_parser("backup", help="stream a folder as tar.gz into a container, no temp file")
    backup.add_argument("folder", metavar="DIR")
    backup.add_argument("container", metavar="CONTAINER[/PREFIX]")
    backup.add_argument(
        "--name",
        default=DEFAULT_BACKUP_NAME,
        metavar="PATTERN",
        help="object name; strftime codes and {folder} allowed (default: backup-%%Y-%%m-%%d.tar.gz)",
    )
    backup.set_defaults(run=cmd_backup)

    publish = commands.add_parser("publish", help="upload a folder and publish the container as a website")
    publish.add_argument("container")
    publish.add_argument("folder", metavar="DIR")
    publish.add_argument("--index", default="index.html", help="index document (default index.html)")
    publish.add_argument(
        "--error",
        default=None,
        help="error document, e.g. error.html (Swift staticweb serves <status><name>, e.g. 404error.html)",
    )
    publish.set_defaults(run=cmd_publish)

    jobs = commands.add_parser("jobs", help="transfers that did not finish (kept in the journal)")
    jobs.add_argument("action", choices=("list", "resume", "cancel"))
    jobs.add_argument("ids", nargs="*", metavar="JOB_ID", help="with cancel: the jobs to cancel")
    jobs.set_defaults(run=cmd_jobs)


def report(ctx: Context, jobs: list[JobSnapshot], extra: dict[str, Any] | None = None) -> None:
    items = [i for j in jobs for i in j.items]
    failed = {i.key: i.error or "failed" for i in items if i.state is State.FAILED}
    value = {
        "items": len(items),
        "done": sum(1 for i in items if i.state is State.DONE),
        "bytes": sum(j.done for j in jobs),
        "failed": failed,
        "notes": sorted({i.note for i in items if i.note}),
        "jobs": len(jobs),
        **(extra or {}),
    }
    job_errors = [j.error for j in jobs if j.error]

    def text(v: dict[str, Any]) -> str:
        lines = [f"{v['done']} of {v['items']} items, {v['bytes']:,} bytes"]
        lines += [f"{k}: {why}" for k, why in v["failed"].items()]
        lines += [f"{k}: {val}" for k, val in (extra or {}).items()]
        return "\n".join(lines)

    ctx.emit(value, text)
    if failed or job_errors or any(j.state is not State.DONE for j in jobs):
        reason = "; ".join(job_errors) or f"{len(failed)} of {len(items)} items failed"
        if _kept(jobs):
            reason += "; `storebrowser-cli jobs resume` retries them from where they stopped"
        raise OperationFailed(reason)


def _kept(jobs: list[JobSnapshot]) -> bool:
    """Whether a failed job stayed in the journal (it had something to resume from)."""
    journal = Journal()
    try:
        kept = {job.id for job in journal.load_jobs()}
    finally:
        journal.close()
    return any(job.id in kept for job in jobs if job.state is State.FAILED)


def cmd_put(ctx: Context, args: argparse.Namespace) -> None:
    """One job: a single source as its own kind; several as one UPLOAD_MANY job."""
    container, prefix = split_location(args.target)
    metadata = parse_pairs(args.meta, "--meta")
    encryption = chosen_encryption(ctx, args.sse)
    expiry = chosen_expiry(ctx, args.expire_after, args.expire_at)
    account = ctx.account().name
    for source in args.sources:
        if not Path(source).exists():
            raise UsageError(f"{source}: no such file or folder")
    folder_prefix = upload_prefix(prefix)
    storage_class = upload_class(ctx.provider(), args.storage_class)
    if len(args.sources) > 1:
        spec = JobSpec(JobKind.UPLOAD_MANY, account, container, key=folder_prefix,
                       sources=tuple(_put_source(s) for s in args.sources),
                       content_type=args.content_type, metadata=metadata,
                       storage_class=storage_class, encryption=encryption, **expiry)  # fmt: skip
    else:
        path = Path(args.sources[0])
        if path.is_dir():
            key = folder_prefix if is_contents(args.sources[0]) else f"{folder_prefix}{path.resolve().name}/"
            kind = JobKind.UPLOAD_FOLDER
        else:
            key, kind = prefix, JobKind.UPLOAD_FILE
        spec = JobSpec(kind, account, container, key=key, local=str(path.resolve()),
                       content_type=args.content_type, metadata=metadata,
                       storage_class=storage_class, encryption=encryption, **expiry)  # fmt: skip
    _refuse_clashes(spec)
    ctx.provider().list_page(container, "", "/", None, 1)  # a missing container: one clear error
    report(ctx, run_jobs(ctx, [spec]))


def chosen_encryption(ctx: Context, words: str | None) -> str | None:
    """``--sse`` checked against what the account offers, before any byte is read."""
    if words is None:
        return None
    try:
        encryption = Encryption.parse(words)
    except InvalidConfiguration as error:
        raise UsageError(f"--sse: {error}") from None
    try:
        ctx.provider().check_encryption(encryption)
    except CustomerKeyRequired:
        raise OperationFailed(
            f"--sse c: no customer key is kept for the account {ctx.account().name}; keep one first with "
            "`storebrowser-cli sse-key --generate` (or give yours with sse-key --stdin)."
        ) from None
    return encryption.text()


def chosen_expiry(ctx: Context, after: str | None, at: str | None) -> dict[str, Any]:
    """``--expire-after`` / ``--expire-at`` as the job keeps them, checked before any byte is read."""
    if after is None and at is None:
        return {}
    try:
        if after is not None:
            expiry: dict[str, Any] = {"expire_after": int(parse_duration(after).total_seconds())}
        else:
            expiry = {"expire_at": parse_moment(at or "").isoformat()}
    except InvalidConfiguration as error:
        raise UsageError(f"--expire-{'after' if after is not None else 'at'}: {error}") from None
    provider = ctx.provider()
    if not provider.capabilities.object_expiry:
        reason = provider.capabilities.reason("object_expiry") or "it has no expiry per object"
        raise OperationFailed(f"{provider.describe()}: {reason}")
    return expiry


def _put_source(source: str) -> str:
    """The absolute path, keeping a folder's trailing separator (its contents only)."""
    path = Path(source)
    resolved = str(path.resolve())
    return resolved + os.sep if is_contents(source) and path.is_dir() else resolved


def _refuse_clashes(spec: JobSpec) -> None:
    """Two sources landing on one target: bad arguments (exit 2), said before any I/O."""
    problem = sources_problem(spec)
    if problem is not None:
        raise UsageError(problem)


def _refuse_cross_container_clashes(keys_of: dict[str, list[str]], folder: str) -> None:
    """Jobs of different containers would race on one file: ``get a/x b/x DIR`` (or two
    whole containers, whose contents share the folder) is refused before any I/O."""
    if len(keys_of) < 2:
        return
    landing: dict[str, tuple[str, str]] = {}
    for container, keys in keys_of.items():
        for key in keys:
            name = key_name(key) if key else "(the whole container)"
            first_container, first_key = landing.setdefault(name, (container, key))
            if first_container != container:
                raise UsageError(
                    f"{first_container}/{first_key} and {container}/{key} would both land in "
                    f"{folder} as {name}; download them into separate folders."
                )


def cmd_get(ctx: Context, args: argparse.Namespace) -> None:
    """One job per container: several keys of a container are one DOWNLOAD_MANY job."""
    folder = Path(args.folder)
    if args.version_id is not None:
        versions.get_version(ctx, args.objects, folder, args.version_id)
        return
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{args.folder} is a file; give the folder to download into")
    account, conflict = ctx.account().name, ConflictPolicy(args.conflict)
    keys_of: dict[str, list[str]] = {}
    for location in args.objects:
        container, key = split_object(location)
        keys_of.setdefault(container, []).append(key)
    # Names that would land on one file are refused from the names alone, before any I/O.
    _refuse_cross_container_clashes(keys_of, args.folder)
    _specs(keys_of, account, "", conflict)
    provider = ctx.provider()
    for container, keys in keys_of.items():  # a name without '/' may be a folder: look
        keys[:] = [resolve_place(provider, f"{container}/{key}", object_first=True).key for key in keys]
    specs = _specs(keys_of, account, str(folder.resolve()), conflict)
    folder.mkdir(parents=True, exist_ok=True)
    report(ctx, run_jobs(ctx, specs))


def _specs(
    keys_of: dict[str, list[str]], account: str, local: str, conflict: ConflictPolicy
) -> list[JobSpec]:
    """The jobs of a ``get``, their sources checked (``UsageError`` when they clash)."""
    specs = []
    for container, keys in keys_of.items():
        if len(keys) > 1:
            spec = JobSpec(JobKind.DOWNLOAD_MANY, account, container, local=local, sources=tuple(keys),
                           conflict=conflict)  # fmt: skip
        else:
            kind = JobKind.DOWNLOAD_PREFIX if keys[0].endswith("/") else JobKind.DOWNLOAD_OBJECT
            spec = JobSpec(kind, account, container, key=keys[0], local=local, conflict=conflict)
        _refuse_clashes(spec)
        specs.append(spec)
    return specs


def cmd_restore(ctx: Context, args: argparse.Namespace) -> None:
    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{args.folder} is a file; give the folder to restore into")
    place = resolve_place(ctx.provider(), args.source, prefix=args.prefix)
    folder.mkdir(parents=True, exist_ok=True)
    spec = JobSpec(
        JobKind.DOWNLOAD_PREFIX if place.takes_many else JobKind.DOWNLOAD_OBJECT,
        ctx.account().name,
        place.container,
        key=place.key,
        local=str(folder.resolve()),
        conflict=ConflictPolicy(args.conflict),
    )
    report(ctx, run_jobs(ctx, [spec]))


def cmd_backup(ctx: Context, args: argparse.Namespace) -> None:
    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{args.folder}: not a folder")
    container, prefix = split_location(args.container)
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    try:
        key = prefix + backup_name(args.name, folder, datetime.now())
    except ValueError as error:
        raise UsageError(str(error)) from None
    provider = ctx.provider()
    created = provider.ensure_container(container)
    stream = TarStream(folder)
    spec = JobSpec(
        JobKind.UPLOAD_STREAM, ctx.account().name, container, key=key, content_type="application/gzip"
    )
    jobs = run_jobs(ctx, [spec], **{"0": stream})
    extra = {
        "object": f"{container}/{key}",
        "size": stream.size,
        "sha256": stream.sha256,
        "container_created": created,
        "skipped_files": stream.skipped,
    }
    report(ctx, jobs, extra)
    if stream.skipped:
        raise OperationFailed(f"{len(stream.skipped)} files could not be read and are not in the backup")


def cmd_publish(ctx: Context, args: argparse.Namespace) -> None:
    folder = Path(args.folder)
    if not (folder / args.index).is_file():
        raise UsageError(f"{folder / args.index} does not exist: a site needs its index document")
    if args.error and not (folder / args.error).is_file():
        raise UsageError(f"{folder / args.error} does not exist")
    provider = ctx.provider()
    if not provider.capabilities.static_website:
        raise OperationFailed(f"{provider.describe()} cannot publish static websites.")
    provider.ensure_container(args.container)
    spec = JobSpec(
        JobKind.UPLOAD_FOLDER, ctx.account().name, args.container, key="", local=str(folder.resolve())
    )
    jobs = run_jobs(ctx, [spec])
    site = provider.set_website(args.container, WebsiteConfig(args.index, args.error))
    report(ctx, jobs, {"url": site.url or "(the service does not say; see its console)"})


def cmd_jobs(ctx: Context, args: argparse.Namespace) -> None:
    if args.action == "list":
        journal = Journal()
        rows = [
            {
                "id": j.id,
                "kind": j.spec.kind.value,
                "state": j.state.value,
                "target": _target(j.spec),
                "items": len(j.items),
            }
            for j in journal.load_jobs()
        ]
        journal.close()
        ctx.emit(
            rows,
            lambda rs: (
                "\n".join(f"{r['id']}  {r['state']:<9} {r['kind']:<16} {r['target']}" for r in rs)
                or "no unfinished jobs"
            ),
        )
        return
    if args.action == "resume":
        with run_engine(ctx) as engine:
            ids = engine.resume_unfinished()
            for job_id in ids:
                engine.resume(job_id)
            jobs = wait_for(engine, ids)
            forget_settled(engine, jobs)
        report(ctx, jobs)
        return
    _cancel(ctx, args.ids)


def _target(spec: JobSpec) -> str:
    """Where a job writes: a sync's right end (its local folder, or container and prefix)."""
    if spec.kind is JobKind.SYNC:
        return f"{spec.dst_container}/{spec.dst_key}" if spec.dst_container else spec.local
    return f"{spec.container}/{spec.key}"


def _cancel(ctx: Context, ids: list[str]) -> None:
    if not ids:
        raise UsageError("jobs cancel needs the JOB_IDs (see `jobs list`)")
    with run_engine(ctx, start=False) as engine:
        loaded = engine.resume_unfinished()
        unknown = sorted(set(ids) - set(loaded))
        if unknown:
            raise UsageError(f"no unfinished job {', '.join(unknown)}")
        others = [job_id for job_id in loaded if job_id not in ids]
        paused_before = {j.id for j in engine.snapshot().jobs if j.state is State.PAUSED}
        for job_id in others:
            engine.pause(job_id)  # only the cancelled jobs' clean-up runs now
        for job_id in ids:
            engine.cancel(job_id)
        engine.run_pending()  # aborts remote uploads, removes .part files
        for job_id in others:
            if job_id not in paused_before:
                engine.resume(job_id)
        for job_id in ids:
            engine.forget(job_id)
    ctx.emit({"cancelled": ids}, lambda v: "\n".join(f"cancelled {i}" for i in v["cancelled"]))
