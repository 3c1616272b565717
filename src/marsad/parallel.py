"""Coding batches in several processes, storing them in one (`marsad ingest --workers N`).

Why this design:

- Coding (stages 2–8: segment, then the language model and the rules) is where the time
  goes, and it is pure: a batch of documents in, records out (`pipeline.code_batch`). It
  runs in worker processes, each of which loads the models once (the initializer) and
  keeps them for every batch it is sent.
- Storing stays in the calling process, the single writer SQLite wants. It stores each
  batch's records in input order (futures kept in an ordered queue), through the same
  code as a one-process run, and it decides what to code itself, just before sending a
  batch: so the database — articles, events with their ids, merged evidence — is the same
  with one process or many, by construction, not by luck.
- At most 2 × workers batches are in flight: memory stays bounded on any input, and the
  workers never wait for work.
- Workers are started with "spawn", not "fork": the caller may hold threads and an open
  SQLite connection, which a forked child must not inherit. They ignore Ctrl-C (the
  caller handles it and stops them) and exit when the caller dies.
- No pool for an input of one batch (a single file): starting workers and loading the
  models in each would cost more than coding it here. `workers=1` never starts one.
- A worker that dies (killed, out of memory) breaks the pool: every batch in flight is
  lost, not only the culprit's. Each lost batch is coded again in a one-worker pool, alone,
  so a death is its own; if it dies again, document by document, as the single-process
  path does when a batch fails. A document whose worker dies with it alone is rejected
  ("run the same command again to retry it"), and the run goes on. Not retried in this
  process: it holds the database, and what exhausted a worker's memory could kill it too.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from .errors import MarsadError, SetupError
from .pipeline import Coded, Coder, Refused, code_batch
from .records import RawDocument

B = TypeVar("B")
Outcomes = list[Coded | Refused]
CoderLoader = Callable[[], Coder | None]

DIED = ("its worker process died while coding it, alone (out of memory, or killed); run the same command"
        " again to retry it")


def coded_in_order(batches: Iterable[B], to_code: Callable[[B], list[RawDocument]], *, workers: int,
                   coder: Coder | None = None, load_coder: CoderLoader | None = None, cluster: Any = None,
                   ) -> Generator[tuple[B, list[RawDocument], Outcomes], None, None]:
    """Each batch, the documents `to_code` chose from it, and what coding them gave, in input
    order. `to_code` is called just before the batch is sent, after every batch sent
    `2 × workers` earlier has been yielded. Coded here with `coder` (else one built with
    `load_coder` on first need) when `workers` is 1 or the input is one batch; else in
    `workers` processes, each building its coder with `load_coder` (a picklable function).
    Given a Dask `cluster` (a `distributed.Client`), its workers code every batch (`cluster`)."""
    it = iter(batches)
    if cluster is not None:
        yield from _on_cluster(it, to_code, cluster, load_coder)
        return
    if workers > 1:
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        it = _chain([first] if second is None else [first, second], it)
        if second is None:
            workers = 1
    if workers == 1:
        yield from _here(it, to_code, coder, load_coder)
        return
    pool = _Pool(workers, load_coder)
    queue: deque[tuple[B, list[RawDocument], Future[Outcomes]]] = deque()
    finished = False
    try:
        for batch in it:
            while len(queue) >= 2 * workers:
                yield _done(queue, pool)
            docs = to_code(batch)
            queue.append((batch, docs, pool.submit(docs)))
        while queue:
            yield _done(queue, pool)
        finished = True
    finally:  # Ctrl-C, an error, or the caller stopped early: the workers are stopped, not awaited
        pool.close(wait=finished)


def _on_cluster(batches: Iterator[B], to_code: Callable[[B], list[RawDocument]], client: Any,
                load_coder: CoderLoader | None) -> Iterator[tuple[B, list[RawDocument], Outcomes]]:
    """As the process pool does, on a Dask cluster: 2 batches in flight per worker thread."""
    from .cluster import DaskPool

    pool = DaskPool(client, load_coder)
    queue: deque[tuple[B, list[RawDocument], Future[Outcomes]]] = deque()
    finished = False
    try:
        for batch in batches:
            while len(queue) >= 2 * pool.workers:
                done, docs, future = queue.popleft()
                yield done, docs, pool.result(future, docs)
            docs = to_code(batch)
            queue.append((batch, docs, pool.submit(docs)))
        while queue:
            done, docs, future = queue.popleft()
            yield done, docs, pool.result(future, docs)
        finished = True
    finally:  # Ctrl-C or an error: what was sent is cancelled; a re-run codes it again
        pool.close(wait=finished)


def nothing_to_code() -> Future[Outcomes]:
    """The future of an empty batch (every document in it was stored already), done at once."""
    done: Future[Outcomes] = Future()
    done.set_result([])
    return done


def _chain(head: list[B], tail: Iterator[B]) -> Iterator[B]:
    yield from head
    yield from tail


def _here(batches: Iterator[B], to_code: Callable[[B], list[RawDocument]], coder: Coder | None,
          load_coder: CoderLoader | None) -> Iterator[tuple[B, list[RawDocument], Outcomes]]:
    loaded = coder is not None or load_coder is None
    for batch in batches:
        docs = to_code(batch)
        if docs and not loaded:  # the models load only once there is something to code
            coder, loaded = load_coder() if load_coder else None, True
        yield batch, docs, code_batch(docs, coder) if docs else []


def _done(queue: deque[tuple[B, list[RawDocument], Future[Outcomes]]],
          pool: _Pool) -> tuple[B, list[RawDocument], Outcomes]:
    """The oldest batch in flight, once coded. If the pool broke (a worker died), every
    batch in flight that it had not finished is coded again first (`_Pool.recover`)."""
    try:
        outcomes = queue[0][2].result()
    except BrokenProcessPool:
        pool.close()
        for i, (batch, docs, future) in enumerate(queue):
            if not future.done() or future.cancelled() or future.exception() is not None:
                recovered: Future[Outcomes] = Future()
                recovered.set_result(pool.recover(docs))
                queue[i] = (batch, docs, recovered)
        pool.close_spare()
        outcomes = queue[0][2].result()
    batch, docs, _ = queue.popleft()
    return batch, docs, outcomes


class _Pool:
    """Worker processes, started on the first batch sent (again after a worker died), and a
    one-worker spare pool for batches a dead worker took with it."""

    def __init__(self, workers: int, load_coder: CoderLoader | None) -> None:
        self.workers = workers
        self.load_coder = load_coder
        self.executor: ProcessPoolExecutor | None = None
        self.spare: ProcessPoolExecutor | None = None

    def _new(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start, initargs=(self.load_coder,))

    def submit(self, docs: list[RawDocument]) -> Future[Outcomes]:
        if not docs:  # nothing to code: no worker needed, none started
            return nothing_to_code()
        if self.executor is None:
            self.executor = self._new(self.workers)
        with _no_ctrl_c():  # a worker it starts ignores Ctrl-C from the start (this process handles it)
            return self.executor.submit(_work, docs)

    def recover(self, docs: list[RawDocument]) -> Outcomes:
        """A batch a dead worker took with it, coded again alone in the spare pool, so that
        if its worker dies again the batch is the cause; then document by document, so that
        only a document its worker dies on, alone, is rejected."""
        outcomes = self._alone(docs)
        if outcomes is not None:
            return outcomes
        outcomes = []
        for doc in docs:
            alone = self._alone([doc])
            outcomes += [Refused(doc.origin, "code", DIED, doc.doc_id)] if alone is None else alone
        return outcomes

    def _alone(self, docs: list[RawDocument]) -> Outcomes | None:
        """`docs` coded in the spare pool with nothing else in flight; None if its worker died."""
        if not docs:
            return []
        if self.spare is None:
            self.spare = self._new(1)
        try:
            with _no_ctrl_c():
                future = self.spare.submit(_work, docs)
            return future.result()
        except BrokenProcessPool:
            _stop(self.spare)
            self.spare = None
            return None

    def close_spare(self) -> None:
        spare, self.spare = self.spare, None
        if spare is not None:
            spare.shutdown(wait=True)

    def close(self, *, wait: bool = False) -> None:
        """Let idle workers exit (`wait`: every batch is done), or stop them now."""
        executor, self.executor = self.executor, None
        if executor is not None and wait:
            executor.shutdown(wait=True)
        elif executor is not None:
            _stop(executor)
        if self.spare is not None:
            _stop(self.spare)
            self.spare = None


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop a pool's workers now: batches not started are cancelled, those being coded are
    dropped (their documents were not stored; a re-run codes them)."""
    # The pool's table of processes, held before shutdown forgets it (Python 3.14 has
    # terminate_workers()) and read after it: a worker the pool was still starting is added
    # to that table meanwhile (seen on a loaded machine).
    table = getattr(executor, "_processes", None) or {}
    executor.shutdown(wait=False, cancel_futures=True)
    processes = list(table.values())
    for p in processes:
        if p.is_alive():
            p.terminate()
    for p in processes:
        p.join(timeout=10)


class _no_ctrl_c:
    """Ctrl-C ignored while worker processes start: they inherit the setting, so a Ctrl-C
    during their start (importing spaCy takes seconds) prints no traceback from them."""

    def __enter__(self) -> None:
        self.here = threading.current_thread() is threading.main_thread()  # only there may signals be set
        if self.here:
            self.old = signal.signal(signal.SIGINT, signal.SIG_IGN)

    def __exit__(self, *exc: object) -> None:
        if self.here:  # None: a handler not set from Python, which cannot be restored; the default then
            signal.signal(signal.SIGINT, signal.SIG_DFL if self.old is None else self.old)


# In a worker process ----------------------------------------------------------------------------

_coder: Coder | None = None
_failed: MarsadError | None = None


def _start(load_coder: CoderLoader | None) -> None:
    """A worker's initializer: load the models once, for every batch it will code."""
    global _coder, _failed
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    atexit.register(gc.freeze)  # a quick exit, as `cli.main` explains: the caller waits for it
    parent = multiprocessing.parent_process()
    if parent is not None:  # the caller killed (kill -9): exit, do not linger holding the models
        sentinel = parent.sentinel
        threading.Thread(target=_exit_when_ready, args=(sentinel,), daemon=True).start()
    try:
        _coder = load_coder() if load_coder else None
    except Exception as e:  # told to the caller with the first batch (a failing initializer breaks the pool)
        _failed = SetupError(str(e) if isinstance(e, MarsadError) else
                             f"a worker process could not load the event coder ({type(e).__name__}: {e})")


def _exit_when_ready(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


def _work(docs: Sequence[RawDocument]) -> Outcomes:
    if _failed is not None:
        raise _failed
    return code_batch(docs, _coder)
