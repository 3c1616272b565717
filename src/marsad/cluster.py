"""Coding on a Dask cluster: `marsad ingest PATH --cluster tcp://scheduler:8786` (or `local:N`).

The same division of work as `--workers N` (`parallel`), with Dask's workers in place of local
processes: the cluster codes batches of documents, and the process that runs `marsad ingest`
stores them, in input order, into the database `--db` names (PostgreSQL when the workers run
on other machines; any store works).

Why the client stores rather than the workers:

- the database is the same as one process makes, record for record (ids, evidence, merges):
  linking a report to a stored event depends on which report came first, so writers racing
  each other would give ids and tie-breaks that change from run to run;
- storing takes milliseconds a document against a tenth of a second to code it, and on
  PostgreSQL every writer takes the same write lock anyway (`pg_sql.WRITE_LOCK`): one writer
  keeps up with about a hundred coding cores;
- a coded batch is a few kilobytes; documents go out and records come back through Dask alone
  (no queue, RPC or scheduler of marsad's own).

A worker loads the models once (`CoderPlugin`, a Dask worker plugin) and codes one batch at a
time. A worker that dies mid-batch is Dask's to handle: its tasks run again elsewhere; a batch
that has killed workers Dask's `allowed-failures` times is coded again document by document, and
only the document that kills a worker alone is rejected. Losing the scheduler ends the run with
one line: what was stored is complete, and the same command run again finishes the batch.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from typing import Any

from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, get_worker

from .errors import MarsadError
from .parallel import Outcomes, nothing_to_code
from .pipeline import Coder, Refused, code_batch
from .records import RawDocument

PLUGIN = "marsad-coder"
DIED = ("its Dask worker died each time it coded it, alone (out of memory, or killed); run the same command"
        " again to retry it")


class ClusterError(MarsadError):
    """The Dask cluster cannot be reached, or was lost during a run."""


class CoderPlugin(WorkerPlugin):
    """A Dask worker plugin: the worker loads marsad's models once, when it joins, and keeps
    them for every batch. One batch at a time per worker (a lock), whatever its thread count:
    the coder is not written to be shared by threads."""

    name = PLUGIN

    def __init__(self, load_coder: Callable[[], Coder | None] | None) -> None:
        self.load_coder = load_coder
        self.coder: Coder | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"load_coder": self.load_coder}  # what travels to the workers: the loader, not models

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["load_coder"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        self.coder = self.load_coder() if self.load_coder else None

    def teardown(self, worker: Any) -> None:
        self.coder = None


def code_on_worker(docs: Sequence[RawDocument]) -> Outcomes:
    """The task a Dask worker runs: one batch, with the models its plugin loaded."""
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, CoderPlugin)
    with plugin.lock:
        return code_batch(docs, plugin.coder)


@contextlib.contextmanager
def connect(address: str) -> Iterator[Any]:
    """A Dask client: `local:N` starts a LocalCluster of N single-threaded worker processes
    here (a quick try), anything else is a scheduler's address (tcp://host:8786)."""
    cluster = None
    try:
        if address.startswith("local:"):
            count = address.partition(":")[2]
            if not count.isdigit() or int(count) < 1:
                raise ClusterError(f"--cluster {address}: write local:N with N ≥ 1 workers, e.g. local:2")
            cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                               dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout="30s")
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({type(e).__name__}: {e})") from e
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class DaskPool:
    """`parallel`'s pool interface over a Dask client: submit a batch, get a future."""

    def __init__(self, client: Any, load_coder: Callable[[], Coder | None] | None) -> None:
        self.client = client
        try:
            client.register_plugin(CoderPlugin(load_coder), name=PLUGIN)
        except Exception as e:  # a worker that cannot load the models: one line, not a traceback
            raise ClusterError(f"the Dask workers could not load marsad's models ({type(e).__name__}: {e})") from e
        self.executor = client.get_executor(pure=False)
        self.workers = max(sum(client.nthreads().values()), 1)

    def submit(self, docs: list[RawDocument]) -> Future[Outcomes]:
        if not docs:
            return nothing_to_code()
        future: Future[Outcomes] = self.executor.submit(code_on_worker, docs)
        return future

    def result(self, future: Future[Outcomes], docs: list[RawDocument]) -> Outcomes:
        """A batch's outcomes; coded again document by document if it kept killing workers."""
        try:
            return future.result()
        except KilledWorker:
            return [out for doc in docs for out in self._alone(doc)]
        except MarsadError:
            raise
        except Exception as e:  # the scheduler lost, the client disconnected
            raise ClusterError(f"lost the Dask cluster ({type(e).__name__}: {e}); what was stored is complete:"
                               " run the same command again to finish") from e

    def _alone(self, doc: RawDocument) -> Outcomes:
        try:
            return self.executor.submit(code_on_worker, [doc]).result()
        except KilledWorker:
            return [Refused(doc.origin, "code", DIED, doc.doc_id)]

    def close(self, *, wait: bool = False) -> None:
        self.executor.shutdown(wait=wait)
