"""Running extraction on a Dask cluster (dask.distributed), for collections beyond one machine.

The client plans the partitions; each Dask worker reads its partitions from the shared input
location, extracts them with :func:`quotes.pipeline.run_partition` and sends the rows back (or
writes a Parquet shard). The job, with the lexicon, goes to every worker once, and each worker
process builds its sentence tokenizer once, on its first article.
Needs the extra: ``pip install 'quotes[dask]'``.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Iterable, Iterator

from quotes.pipeline import Job, Partition, PartitionTask, run_partition

LOCAL = "local"


class ClusterError(RuntimeError):
    """Dask is not installed, or its scheduler cannot be reached."""


def connect(address: str, workers: int):
    """A client of the scheduler at ``address``, or of a new LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("Dask is not installed: pip install 'quotes[dask]'") from None
    if address == LOCAL:
        # one thread per worker process: the extractor is pure Python, so threads would share one core
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
        return Client(cluster)
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None


def run_on_dask(partitions: Iterable[Partition], job: Job, address: str, workers: int = 1,
                task: PartitionTask = run_partition) -> Iterator[tuple[Partition, object]]:
    """``task`` over every partition on the cluster; answers come back in plan order.

    At most two partitions per worker thread are in flight, so the client never holds the
    whole corpus, and finished results are released on the workers as soon as they are read.
    """
    client = connect(address, workers)
    try:
        slots = 2 * max(sum(client.nthreads().values()), 1)
        shared_job = client.scatter(job, broadcast=True, hash=False)
        run = uuid.uuid4().hex[:12]  # task keys unique to this run, so runs can share a cluster
        window: deque = deque()
        for partition in partitions:
            window.append((partition, client.submit(task, partition, shared_job, pure=False,
                                                    key=f"quotes-{run}-{partition.index}")))
            if len(window) >= slots:
                yield _answer(window)
        while window:
            yield _answer(window)
    finally:
        cluster = client.cluster
        client.close()
        if address == LOCAL and cluster is not None:
            cluster.close()


def _answer(window: deque) -> tuple[Partition, object]:
    partition, future = window.popleft()
    result = future.result()
    future.release()
    return partition, result
