"""What a run does to each document, decided before it does it: plain functions that the flow and
`facts run --dry-run` share."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extractors import EXTRACTOR_VERSION
from flows.collections import entries_of, index_container
from flows.published import depends_on_other_default, same_fingerprint
from flows.readers import container_of, is_container
from flows.sources import DocumentError, Survey, read_raw, survey
from warehouse.store import STATEMENTS, Stored, UserError, reading


def batch_size_for(n_docs: int, workers: int) -> int:
    """Documents per batch: about eight batches per worker (progress, balance), 25 to 1,000 each
    (a Prefect task run costs 5-10 ms: too small a batch would cost more than its extraction)."""
    return min(1000, max(25, -(-n_docs // (8 * max(1, workers)))))


class RemovalRefused(UserError):
    """A run would remove every document of its folder: an empty, unmounted or mistyped folder, most likely."""


def to_read(found: dict[str, str | None], known: dict[str, Stored]) -> list[str]:
    """The documents to read: new, or whose size, mtime or extractor version differ from what is stored."""
    return [path for path, key in found.items() if key is None or path not in known
            or known[path].stat_key != key or known[path].extractor_version != EXTRACTOR_VERSION]


@dataclass
class Work:
    """What a run reads: files of one document, and files of many (collections, zips) to index."""

    paths: list[str]
    containers: list[str]
    unchanged: int  # documents not read again: unchanged files, and every entry of an unchanged container
    seen: int  # documents known to be there without reading: all but those of the containers to index


def to_do(found: dict[str, str | None], known: dict[str, Stored], published: date | None) -> Work:
    """The files to read and the containers to index; a document extracted with another default
    than `published` is read again, as if new."""
    grouped = entries_of(known)
    inside = {path for entries in grouped.values() for path in entries}
    files = {path: key for path, key in found.items() if not is_container(path)}
    paths = to_read(files, {path: stored for path, stored in known.items() if path not in inside
                            and not depends_on_other_default(stored.fingerprint, published)})
    containers, unchanged_entries = [], 0
    for path, key in found.items():
        if not is_container(path):
            continue
        entries = grouped.get(path, {}).values()
        if key is None or not entries or any(
                stored.stat_key != key or stored.extractor_version != EXTRACTOR_VERSION
                or depends_on_other_default(stored.fingerprint, published) for stored in entries):
            containers.append(path)
        else:
            unchanged_entries += len(entries)
    return Work(paths, containers, len(files) - len(paths) + unchanged_entries, len(files) + unchanged_entries)


def to_remove(surveyed: Survey, known: dict[str, Stored]) -> list[str]:
    """Stored documents discovery looked for where they were and did not find (the entries of a
    container file still there are the index's to remove)."""
    gone = []
    for path in set(known) - set(surveyed.documents):
        container = container_of(path)
        if container in surveyed.documents:
            continue
        if not surveyed.keeps(container or path):
            gone.append(path)
    return sorted(gone)


def refusal(seeds: Path, surveyed: Survey, gone: list[str], prune: bool) -> str | None:
    """Why the removal of `gone` needs --prune, or None: a folder that yields no document at all
    while the warehouse holds some from it is far more often unmounted or mistyped than emptied."""
    if not gone or surveyed.documents or prune:
        return None
    return (f"no documents found in {seeds}, from which the warehouse holds {len(gone)}: nothing was removed "
            f"(an empty or unmounted folder?); if they are gone for good, run again with --prune")


def vanished_folders(folders: dict[str, int], seeds: Path) -> list[str]:
    """Other seeds folders the warehouse holds documents from that no longer exist (--prune removes them)."""
    return [folder for folder in folders if folder != str(seeds) and not Path(folder).is_dir()]


@dataclass
class Plan:
    """What `facts run` would do (counts of documents), and whether it would refuse."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    ignored: dict[str, int] = field(default_factory=dict)  # files no reader takes, by suffix
    refused: str | None = None


def dry_run(seeds: Path, db: Path, prune: bool, published: date | None = None) -> Plan:
    """What a run would do, found without writing anything: a document whose size or mtime differ is
    read and hashed, to tell a changed one from one that was only touched."""
    seeds = seeds.resolve()
    surveyed = survey(seeds)
    known: dict[str, Stored] = {}
    folders: dict[str, int] = {}
    if db.exists():
        with reading(db) as con:
            known = {path: Stored(*rest) for path, *rest in
                     con.execute(STATEMENTS["known_documents"], {"seeds": str(seeds)}).fetchall()}
            folders = dict(con.execute(STATEMENTS["folders"]).fetchall())
    plan = Plan(skipped=surveyed.skipped, ignored=dict(surveyed.ignored))
    work = to_do(surveyed.documents, known, published)
    plan.unchanged = work.unchanged
    grouped = entries_of(known)
    for container in work.containers:
        index = index_container(seeds, container, grouped.get(container, {}), "dry-run", published)
        plan.unchanged += index.outcome.unchanged
        plan.removed += index.removed
        if index.outcome.new or index.outcome.changed:  # the file as a whole is one error row
            (plan.changed if container in known else plan.new).append(container)
        for chunk in index.chunks:
            for path in chunk.paths():
                (plan.changed if path in chunk.stored else plan.new).append(path)
        for kind, n in index.ignored.items():
            plan.ignored[kind] = plan.ignored.get(kind, 0) + n
    for path in work.paths:
        stored = known.get(path)
        if stored is None:
            plan.new.append(path)
            continue
        try:
            same = same_fingerprint(stored.fingerprint, read_raw(seeds, path).fingerprint(EXTRACTOR_VERSION), published)
        except DocumentError:
            same = False
        if same:
            plan.unchanged += 1
        else:
            plan.changed.append(path)
    gone = to_remove(surveyed, known)
    plan.refused = refusal(seeds, surveyed, gone, prune)
    if not plan.refused:
        plan.removed += gone
        if prune:
            plan.removed += [f"{folder}/ ({folders[folder]} documents)" for folder in vanished_folders(folders, seeds)]
    return plan
