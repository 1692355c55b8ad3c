"""Finding and reading input documents: plain functions, testable without the engine."""
from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from flows.readers import READERS, suffix, takes

from flows.published import parse_published

DOCUMENT_SUFFIXES = tuple(READERS)  # lower case: is_document_name is the test for a name in any case
SIDECAR_SUFFIX = ".meta.json"
MAX_BYTES = 64_000_000  # larger files are refused with a clear error, not read
_SIDECAR_FIELDS = ("published", "title", "url", "source")
# O_NONBLOCK: opening a FIFO swapped in for a document returns at once instead of waiting forever
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)


class DocumentError(Exception):
    """Why a document could not be read or used; stored in documents.error."""


@dataclass
class Survey:
    """What discovery found under the seeds folder, and what it passed over and why."""

    documents: dict[str, str | None] = field(default_factory=dict)  # relative path -> stat key, sorted
    skipped: dict[str, str] = field(default_factory=dict)  # relative path (a folder's ends in '/') -> reason
    unlisted: list[str] = field(default_factory=list)  # where discovery could not look: folders end in '/'
    ignored: dict[str, int] = field(default_factory=dict)  # suffix ('' for none) -> files no reader takes

    def keeps(self, path: str) -> bool:
        """Whether a stored document not found now stays: it lies where discovery could not look."""
        return any(path.startswith(place) if place.endswith("/") or not place else path == place
                   for place in self.unlisted)


def discover(seeds: Path) -> list[str]:
    """Relative '/'-separated paths of every document under `seeds`, sorted."""
    return list(survey(seeds).documents)


def survey(seeds: Path) -> Survey:
    """Every document under `seeds` (relative '/'-separated path, sorted) with its stat key, and
    every path that looked like one but was passed over, with the reason.

    One walk with os.scandir: the directory listing already tells files from folders and whether
    a sidecar exists, so 100,000 documents cost one stat call each. Symbolic links that lead
    outside the seeds folder are not followed; linked folders are not entered.
    """
    root = _real_root(str(seeds))
    found = Survey()
    folders = [(str(seeds), "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = {entry.name: entry for entry in listing}
        except OSError as error:
            found.skipped[prefix or "./"] = f"folder could not be read ({error.strerror or error}); " \
                                            f"its stored documents are kept"
            found.unlisted.append(prefix)
            continue
        # most folders hold no sidecar: then no document's sidecar name is worth making
        sidecars = any(name.endswith(SIDECAR_SUFFIX) for name in entries)
        for name, entry in entries.items():
            path = prefix + name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not _is_utf8(name):
                        found.skipped[_shown(path) + "/"] = "folder name is not valid UTF-8 (rename it to read it)"
                    else:
                        folders.append((entry.path, path + "/"))
                    continue
                if name.endswith(SIDECAR_SUFFIX):
                    continue
                if not takes(name):
                    kind = _shown(suffix(name))
                    found.ignored[kind] = found.ignored.get(kind, 0) + 1
                    continue
                if reason := _not_a_document(entry, name, root):
                    found.skipped[_shown(path)] = reason
                    continue
                sidecar = entries.get(_sidecar_name(name)) if sidecars else None
                found.documents[path] = _stat_key(entry.stat(), sidecar.stat if sidecar else None)
            except OSError as error:
                found.skipped[_shown(path)] = f"could not be read ({error.strerror or error}); its stored version is kept"
                found.unlisted.append(path)
    found.documents = dict(sorted(found.documents.items()))
    found.ignored = dict(sorted(found.ignored.items()))
    return found


def is_document_name(name: str) -> bool:
    """Whether a file of this name is read as a document (a reader takes its suffix, in any case)."""
    return takes(name) and not name.endswith(SIDECAR_SUFFIX)


def _not_a_document(entry: os.DirEntry, name: str, root: str) -> str | None:
    """Why a file with a document's name is not read as one, or None."""
    if not _is_utf8(name):
        return "file name is not valid UTF-8 (rename it to read it)"
    if entry.is_symlink():
        try:
            target = os.path.realpath(entry.path, strict=True)
        except FileNotFoundError:
            return "broken symbolic link"
        except OSError as error:
            return "symbolic link loop" if error.errno == errno.ELOOP else f"symbolic link: {error.strerror or error}"
        if not _inside(target, root):
            return "symbolic link leads outside the seeds folder (not followed)"
        if os.path.isdir(target):
            return "symbolic link to a folder (not followed)"
    mode = entry.stat().st_mode
    return None if stat.S_ISREG(mode) else f"not a regular file ({_kind(mode)})"


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((kind for test, kind in kinds if test(mode)), "of an unknown kind")


def _is_utf8(name: str) -> bool:
    """False for a name whose bytes are not UTF-8 (os.scandir gives them as lone surrogates)."""
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _shown(path: str) -> str:
    """A path as text that can be stored: bytes that are not UTF-8 as \\x escapes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@lru_cache(maxsize=64)
def _real_root(seeds: str) -> str:
    return os.path.realpath(seeds)


def _inside(real_path: str, root: str) -> bool:
    return real_path == root or real_path.startswith(root.rstrip(os.sep) + os.sep)


def _sidecar_name(name: str) -> str:
    """The sidecar's name (or path) for a document's name (or path): its suffix replaced."""
    return os.path.splitext(name)[0] + SIDECAR_SUFFIX


def _sidecar_path(path: Path) -> Path:
    return path.with_name(_sidecar_name(path.name))


def stat_key(seeds: Path, relative_path: str) -> str | None:
    """Size and modification time of a document and its sidecar, or None when unknown.

    When it equals the stored one the file is taken as unchanged without being read (as git and
    rsync do); when it differs the content fingerprint decides.
    """
    path = seeds / relative_path
    try:
        return _stat_key(path.stat(), _sidecar_path(path).stat)
    except OSError:
        return None


def _stat_key(document: os.stat_result, sidecar_stat: Callable[[], os.stat_result] | None) -> str | None:
    try:
        side = sidecar_stat() if sidecar_stat else None
    except OSError as error:
        if not _no_such_file(error):
            return None
        side = None
    return _key(document, side)


def _no_such_file(error: OSError) -> bool:
    """The error of a file that is not there (or a broken link to one), or of a name too long to
    exist: a 250-byte document name makes a sidecar name past the file system's limit."""
    return isinstance(error, FileNotFoundError) or error.errno == errno.ENAMETOOLONG


def _key(document: os.stat_result, sidecar: os.stat_result | None) -> str:
    side = f"{sidecar.st_size}:{sidecar.st_mtime_ns}" if sidecar else "-"
    return f"{document.st_size}:{document.st_mtime_ns}/{side}"


def doc_id_for(seeds: str, relative_path: str) -> str:
    """A stable id for a path in a seeds folder: a changed file keeps its id, and its facts are replaced."""
    return hashlib.sha256(f"{seeds}\0{relative_path}".encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class RawDocument:
    """A document's bytes and its sidecar's, as found on disk."""

    path: str
    data: bytes
    sidecar: bytes | None
    stat_key: str | None = None
    seeds: str = ""  # the folder the path is relative to, as the warehouse keys it
    # a record's or zip member's reading (flows/collections.py): its metadata already merged with
    # its file's sidecar, which only shapes its fingerprint here
    read_as: Callable[[], Any] | None = field(default=None, repr=False, compare=False)
    _data_hash: Any = field(default=None, repr=False, compare=False)  # sha256 of data, once

    def _hash_of_data(self) -> Any:
        """The sha256 hash object of the bytes: both digests start from it, so data is hashed once."""
        if self._data_hash is None:
            self._data_hash = hashlib.sha256(self.data)
        return self._data_hash

    def sha256(self) -> str:
        return self._hash_of_data().hexdigest()

    def fingerprint(self, extractor_version: str) -> str:
        """Equal fingerprints mean nothing that shapes the facts has changed."""
        digest = self._hash_of_data().copy()
        digest.update(b"\0sidecar\0" + (self.sidecar if self.sidecar is not None else b"-"))
        digest.update(b"\0extractor\0" + extractor_version.encode())
        return digest.hexdigest()


def read_raw(seeds: Path, relative_path: str, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Read a document and its sidecar. Raises DocumentError with a clear reason.

    Each file is opened once and its stat key taken from the open file before it is read, so a
    change during the read shows next run. What was opened must be a regular file inside the
    seeds folder, whatever was swapped in since discovery. Paths stay strings and files are read
    with os.read: pathlib and buffered file objects cost twice as much.
    """
    root = _real_root(str(seeds))
    path = os.path.join(seeds, relative_path)
    try:
        document, data = _read(path, root, max_bytes)
    except FileNotFoundError:
        raise DocumentError("file disappeared before it could be read") from None
    except PermissionError:
        raise DocumentError("file is not readable (permission denied)") from None
    except OSError as error:
        raise DocumentError(f"file could not be read: {error.strerror or error}") from None
    sidecar_path = _sidecar_name(path)
    try:
        side, sidecar = _read(sidecar_path, root, max_bytes)
    except OSError as error:
        if not _no_such_file(error):
            raise DocumentError(f"sidecar {os.path.basename(sidecar_path)} could not be read: "
                                f"{error.strerror or error}") from None
        side, sidecar = None, None
    except DocumentError as error:
        raise DocumentError(f"sidecar {os.path.basename(sidecar_path)} could not be read: {error}") from None
    return RawDocument(relative_path, data, sidecar, _key(document, side), str(seeds))


def _read(path: str, root: str, max_bytes: int) -> tuple[os.stat_result, bytes]:
    """The file's stat (taken before reading) and its bytes, to the end even if it grew."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        stat_ = os.fstat(fd)
        if not stat.S_ISREG(stat_.st_mode):
            raise DocumentError(f"not a regular file ({_kind(stat_.st_mode)})")
        if not _inside(_opened_path(fd, path), root):
            raise DocumentError("a symbolic link leads outside the seeds folder (not followed)")
        if stat_.st_size > max_bytes:
            raise DocumentError(f"file is {stat_.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        chunks, size = [], 0
        while chunk := os.read(fd, max(stat_.st_size + 1 - size, 1 << 16)):  # one call, then the end
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise DocumentError(f"file grew past the {max_bytes / 1e6:.0f} MB limit while it was read")
        return stat_, b"".join(chunks)
    finally:
        os.close(fd)


def _opened_path(fd: int, path: str) -> str:
    """The real path of an open file: where it is, not where a link swapped in since said it was."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:  # no /proc (macOS, Windows): the path as it resolves now
        return os.path.realpath(path)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: a BOM wins, then UTF-8, then Windows-1252.

    Offsets of every mention index into this text, so it is stored exactly as decoded.
    """
    if not data:
        raise DocumentError("file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DocumentError(f"file starts with a {encoding} byte-order mark but is not {encoding}: {error.reason}") from None
    if b"\0" in data[:8192]:
        raise DocumentError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


@dataclass(slots=True)
class Sidecar:
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


def parse_sidecar(data: bytes | None) -> Sidecar:
    """The optional NAME.meta.json: published (a date or timestamp: flows/published.py), title, url, source."""
    if data is None:
        return Sidecar()
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise DocumentError(f"sidecar is not UTF-8 text: {error.reason} at byte {error.start}") from None
    except RecursionError:
        raise DocumentError("sidecar is not valid JSON: nested too deeply to read") from None
    except ValueError as error:  # JSONDecodeError, or an integer of more digits than Python converts
        raise DocumentError(f"sidecar is not valid JSON: {error}") from None
    if not isinstance(meta, dict):
        raise DocumentError("sidecar must be a JSON object")
    for key in _SIDECAR_FIELDS:
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise DocumentError(f"sidecar field {key!r} must be a string")
        if value is not None and not _is_utf8(value):  # a "\ud800" escape: no database stores it
            raise DocumentError(f"sidecar field {key!r} holds a lone surrogate escape (not text)")
    written = meta.get("published")
    published = None
    if written is not None:
        try:
            published = parse_published(written)
        except ValueError as error:
            raise DocumentError(f"sidecar 'published' is not a date: {written[:80]!r}: {error}") from None
    return Sidecar(published, meta.get("title"), meta.get("url"), meta.get("source"))


_TITLE_HEAD = 400  # characters that usually hold the title line


def title_from_text(text: str) -> str | None:
    """The first non-empty line (news exports put the headline there), without markdown '#'.

    The lines of the head of the text are looked at first, but for its last (it may be cut):
    splitting a whole article into lines cost more than the rest of reading it.
    """
    if len(text) <= _TITLE_HEAD:
        return _first_title(text.splitlines())
    return _first_title(text[:_TITLE_HEAD].splitlines()[:-1]) or _first_title(text.splitlines())


def _first_title(lines: list[str]) -> str | None:
    for line in lines:
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return None
