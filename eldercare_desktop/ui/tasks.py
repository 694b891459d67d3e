"""Background tasks: slow work runs on a worker, reports progress, can be cancelled, and hands its
result or error back on the GUI thread (after Anki's operations/taskman and Orange's TaskState).

The worker function receives a :class:`TaskState` and must not touch widgets; it polls
``state.cancelled()`` and calls ``state.progress(done, total)``. Executors are swappable: a
thread pool in the program, :class:`SyncExecutor` (Picard's FakeThreadPool) where a test
wants everything to happen inside one call.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class TaskState:
    """What a worker function sees: a cancel flag it polls and a progress reporter."""

    def __init__(self, emit_progress: Callable[[int, int], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._emit = emit_progress
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        """Thread-safe; throttled to ~20 updates a second so the GUI queue never floods."""
        now = time.monotonic()
        if self._emit is not None and (now - self._last >= 0.05 or done >= total):
            self._last = now
            self._emit(int(done), int(total))


class Executor(Protocol):
    def submit(self, fn: Callable[[], None]) -> Any: ...


class SyncExecutor:
    """Runs a task at once in the calling thread (tests; Picard's FakeThreadPool)."""

    def submit(self, fn: Callable[[], None]) -> None:
        fn()


class Task(QObject):
    """One running piece of work; its signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)      # the exception
    finished = Signal()          # after succeeded/failed, in every case

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.state = TaskState(self.progressed.emit)
        self.done = False
        self.error: BaseException | None = None
        self.succeeded.connect(self._mark_success)
        self.failed.connect(self._mark_failure)

    def cancel(self) -> None:
        self.state.cancel()

    def _mark_success(self, _result: object) -> None:
        # the result goes to on_success only: kept here, a finished task (kept a while, see
        # TaskRunner._forget) would hold e.g. a replaced register's 200,000 rows
        self.done = True
        self.finished.emit()

    def _mark_failure(self, error: object) -> None:
        self.error, self.done = error, True  # type: ignore[assignment]
        self.finished.emit()


def _run(task: "Task", fn: Callable[[TaskState], Any]) -> None:
    """The worker side: never touches a widget; the signals cross to the GUI thread."""
    try:
        result = fn(task.state)
    except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, never lost
        if not _is_known(exc):
            log.exception("task %r failed", task.title)
        task.failed.emit(exc)
    else:
        task.succeeded.emit(result)


def _is_known(exc: BaseException) -> bool:
    from ..errors import known_error

    try:
        return known_error(exc)[0] is not None
    except Exception:  # noqa: BLE001
        return False


class TaskRunner(QObject):
    """Starts tasks; the window owns one and passes it to every page that needs it."""

    def __init__(self, executor: Executor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor: Executor = executor or ThreadPoolExecutor(2, thread_name_prefix="task")
        self._futures: list[Future[None]] = []
        self.running: list[Task] = []
        self._finished: list[Task] = []

    def run(self, title: str, fn: Callable[[TaskState], Any], *,
            on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> Task:
        """Run ``fn(state)`` on the executor. Callbacks run on the GUI thread."""
        task = Task(title, self)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if on_success is not None:
            task.succeeded.connect(on_success)
        if on_failure is not None:
            task.failed.connect(on_failure)
        self.running.append(task)
        task.finished.connect(lambda: self._forget(task))
        future = self.executor.submit(lambda: _run(task, fn))
        if isinstance(future, Future):
            self._futures = [f for f in self._futures if not f.done()] + [future]
        return task

    def _forget(self, task: Task) -> None:
        if task in self.running:
            self.running.remove(task)
        # Deleted only well after it finished: a deleteLater now would drop the queued calls
        # of its other slots still waiting in the event queue.
        self._finished.append(task)
        while len(self._finished) > 16:
            self._finished.pop(0).deleteLater()

    def cancel_all(self) -> None:
        for task in list(self.running):
            task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the worker threads (on closing)."""
        _done, pending = wait(self._futures, timeout=msecs / 1000)
        return not pending
