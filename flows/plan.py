"""What a run does to each document, decided before it does it: plain functions that the flow and
`facts run --dry-run` share."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extractors import EXTRACTOR_VERSION
from flows.published import depends_on_other_default, same_fingerprint
from flows.sources import DocumentError, Survey, read_raw, survey
from warehouse.store import STATEMENTS, Stored, UserError, reading


class RemovalRefused(UserError):
    """A run would remove every document of its folder: an empty, unmounted or mistyped folder, most likely."""


def to_read(found: dict[str, str | None], known: dict[str, Stored]) -> list[str]:
    """The documents to read: new, or whose size, mtime or extractor version differ from what is stored."""
    return [path for path, key in found.items() if key is None or path not in known
            or known[path].stat_key != key or known[path].extractor_version != EXTRACTOR_VERSION]


def to_remove(surveyed: Survey, known: dict[str, Stored]) -> list[str]:
    """Stored documents discovery looked for where they were and did not find."""
    return sorted(path for path in set(known) - set(surveyed.documents) if not surveyed.keeps(path))


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
    plan = Plan(skipped=surveyed.skipped, ignored=surveyed.ignored)
    todo = to_read(surveyed.documents, {p: s for p, s in known.items()
                                        if not depends_on_other_default(s.fingerprint, published)})
    plan.unchanged = len(surveyed.documents) - len(todo)
    for path in todo:
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
        plan.removed = gone
        if prune:
            plan.removed += [f"{folder}/ ({folders[folder]} documents)" for folder in vanished_folders(folders, seeds)]
    return plan
