"""A progress bar for long runs, on the terminal only (logs and pipes stay clean)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextmanager
def progress_bar(total: int, label: str = "documents") -> Iterator[Callable[[int], None]]:
    """Yield `advance(n)`; draws a bar on stderr when it is a terminal."""
    console = Console(stderr=True)
    if not console.is_terminal or total == 0:
        yield lambda n: None
        return
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=console, transient=True) as bar:
        task_id = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task_id, n)
