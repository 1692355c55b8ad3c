"""zip (.zip) of any readable files (the standard library's `zipfile`): each member a document,
ARCHIVE.zip#MEMBER, read by its own suffix through the registry (report.pdf, notes.txt.gz).

Bomb limits are checked on the archive's directory before anything is inflated: how many
members, how much they expand to in all, and how many times the archive's own size that is; a
member is never inflated past its declared size (zipfile stops there) nor past the file limit.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from typing import NamedTuple

from flows.readers import Reading, finished, is_container, read, suffix, takes
from flows.sources import MAX_BYTES, SIDECAR_SUFFIX, DocumentError

MAX_MEMBERS = 10_000
MAX_TOTAL = 512_000_000  # bytes, all members inflated
MAX_RATIO = 100  # inflated size / archive size: text zips 3-10x, a bomb of zeros 1000x
RATIO_FROM = 16_000_000  # bytes inflated in all below which the ratio is not looked at


class Member(NamedTuple):
    name: str  # what follows '#' in its path: the member's name
    problem: str | None  # why it is an error document whatever it holds


def open_archive(data: bytes) -> zipfile.ZipFile:
    """The archive, its limits checked; DocumentError for a damaged archive or a bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        items = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise DocumentError(f"zip archive is damaged or not a zip: {error}") from None
    if len(items) > MAX_MEMBERS:
        raise DocumentError(f"zip archive holds {len(items)} members, over the limit of {MAX_MEMBERS} (a zip bomb?)")
    total = sum(item.file_size for item in items)
    if total > MAX_TOTAL:
        raise DocumentError(f"zip archive expands to {total / 1e6:.0f} MB, over the {MAX_TOTAL / 1e6:.0f} MB "
                            f"limit (a zip bomb?)")
    if total > RATIO_FROM and total > MAX_RATIO * len(data):
        raise DocumentError(f"zip archive expands {total // max(len(data), 1)} times its size, over the limit "
                            f"of {MAX_RATIO} (a zip bomb?)")
    return archive


def members(archive: zipfile.ZipFile, ignored: dict[str, int]) -> Iterator[Member]:
    """The members read as documents, in the archive's order; those no reader takes are counted in
    `ignored` by suffix, as files are; folders and sidecars are neither."""
    items = archive.infolist()
    last = {item.filename: number for number, item in enumerate(items, 1)}  # zipfile reads a name's last
    for number, item in enumerate(items, 1):
        name = item.filename
        if item.is_dir() or name.endswith(SIDECAR_SUFFIX):
            continue
        if problem := unsafe(name):
            yield Member(name, problem)
        elif last[name] != number:  # a path of its own: NAME@N, the member's place in the archive
            yield Member(f"{name}@{number}", "a later member of the zip archive has this name: that one is read "
                                             "(as unzip would leave it)")
        elif is_container(name):
            yield Member(name, f"a {suffix(name)} inside a zip archive is not read: unpack the archive")
        elif not takes(posixpath.basename(name)):
            kind = suffix(posixpath.basename(name))
            ignored[kind] = ignored.get(kind, 0) + 1
        else:
            yield Member(name, None)


def unsafe(name: str) -> str | None:
    """Why a member's name is refused: absolute, or climbing out with '..' (never extracted, but a
    path that says it lies outside the archive is no document's)."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "unsafe member name (an absolute path): not read"
    if ".." in parts:
        return "unsafe member name (it climbs out with '..'): not read"
    return None


def member_bytes(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, never more than the file limit in memory; DocumentError when it cannot be read."""
    try:
        info = archive.getinfo(name)
        if info.file_size > MAX_BYTES:
            raise DocumentError(f"zip member is {info.file_size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit")
        with archive.open(info) as member:
            data = member.read(MAX_BYTES + 1)
    except KeyError:
        raise DocumentError("zip member is gone from the archive (it changed while it was read)") from None
    except DocumentError:
        raise
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, ValueError) as error:
        # RuntimeError: encrypted; NotImplementedError: a compression zipfile lacks
        raise DocumentError(f"zip member could not be read: {error}") from None
    if len(data) > MAX_BYTES:
        raise DocumentError(f"zip member expands past the {MAX_BYTES / 1e6:.0f} MB limit")
    return data


def reading(payload: bytes, name: str) -> Reading:
    """A member's text and metadata, by its own reader; its format ends in '+zip'."""
    found = read(payload, posixpath.basename(name))
    found.format += "+zip"
    return finished(found)
