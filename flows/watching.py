"""What `facts watch` reacts to: documents, sidecars and folders under the seeds folder."""
from __future__ import annotations

import os
from collections.abc import Set

from watchfiles import Change

from flows.sources import SIDECAR_SUFFIX, is_document_name

FileChange = tuple[Change, str]


def names_a_document(path: str) -> bool:
    """Whether a path is named as a document (a reader takes it) or a sidecar: a temporary name is neither."""
    return path.endswith(SIDECAR_SUFFIX) or is_document_name(os.path.basename(path))


class SeedsChanges:
    """Which file changes a run must follow: of documents and sidecars, and of folders (created,
    moved in, moved out, deleted), since a folder moved in brings no event for the files inside it,
    and one moved out none for the files it takes away.

    A path that is gone cannot tell whether it was a folder, so the folders are remembered: those
    found by `remember` (call it once watching has started) and each one that arrives.
    """

    def __init__(self) -> None:
        self.folders: set[str] = set()

    def remember(self, folder: str) -> None:
        """Remember `folder` and every folder below it."""
        self.folders.update(below for below, _, _ in os.walk(folder))

    def relevant(self, changes: Set[FileChange], since_a_run: bool) -> set[FileChange]:
        """The changes of `changes` (all that happened since the last call) that a run must follow;
        `since_a_run`: a run took place since the last call."""
        # a path that came and went during a run may have been a folder the run saw: kept
        came_and_went = {path for change, path in changes if since_a_run and change == Change.added
                         and not os.path.lexists(path)}
        kept: set[FileChange] = {(change, path) for change, path in changes if change == Change.deleted
                                 and (self._forget(path) or path in came_and_went or names_a_document(path))}
        for change, path in changes:
            if change == Change.deleted:
                continue
            if os.path.isdir(path) and not os.path.islink(path):  # a run does not enter linked folders either
                if change == Change.added:
                    self.remember(path)
                kept.add((change, path))  # a modified folder may have become readable
            elif names_a_document(path):
                kept.add((change, path))
        return kept

    def _forget(self, path: str) -> bool:
        """Forget a folder that is gone, and the folders it held; False if `path` was no folder."""
        if path not in self.folders:
            return False
        inside = path + os.sep
        self.folders = {folder for folder in self.folders if folder != path and not folder.startswith(inside)}
        return True
