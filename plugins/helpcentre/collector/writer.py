"""One writer thread with group commit: durable acknowledgements without one fsync per vote.

Requests put their record on a queue and wait. A single task takes everything queued (up to
``batch_size``), hands it to the writer thread, which commits it in one transaction, and only then
wakes the waiting requests, which answer 202. While one batch commits the next one fills up, so the
busier the collector, the larger the batches and the fewer the fsyncs per vote. The event loop never
waits for the database, and no vote is acknowledged before its transaction is committed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from helpcentre.collector.storage import FeedbackStore
from helpcentre.records import Record

logger = logging.getLogger(__name__)
T = TypeVar("T")


class WriterBusy(RuntimeError):
    """Too many records are waiting for the database; the client should retry later."""


class BatchWriter:
    """Serialises all database work of a collector on one thread, batching writes."""

    def __init__(self, store: FeedbackStore, *, batch_size: int, max_pending: int) -> None:
        self.store = store
        self.batch_size = batch_size
        self.max_pending = max_pending
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="feedback-writer")
        self._queue: asyncio.Queue[tuple[Record, asyncio.Future[None]] | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    @property
    def pending(self) -> int:
        """Records waiting for their transaction."""
        return self._queue.qsize()

    async def call(self, function: Callable[..., T], *args: object) -> T:
        """Run ``function(*args)`` on the writer thread, the only one using the store."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    def start(self) -> None:
        """Start committing queued records."""
        self._task = asyncio.get_running_loop().create_task(self._run(), name="feedback-writer")

    async def submit(self, record: Record) -> None:
        """Queue ``record`` and return once it is committed.

        Raises:
            WriterBusy: The queue is full.
            Exception: The database refused the record.
        """
        if self._queue.qsize() >= self.max_pending:
            raise WriterBusy(f"{self._queue.qsize()} records are waiting for the database")
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((record, done))
        # Shielded: a client that disconnects does not cancel the commit others share.
        await asyncio.shield(done)

    async def _run(self) -> None:
        while True:
            first = await self._queue.get()
            if first is None:
                return
            batch = [first]
            stopping = False
            while len(batch) < self.batch_size and not self._queue.empty():
                item = self._queue.get_nowait()
                if item is None:
                    stopping = True
                    break
                batch.append(item)
            await self._commit(batch)
            if stopping:
                return

    async def _commit(self, batch: list[tuple[Record, asyncio.Future[None]]]) -> None:
        try:
            await self.call(self.store.record, [record for record, _ in batch])
        except Exception:
            logger.exception("batch of %d records failed; retrying them one by one", len(batch))
            # One bad record must not cost the others their acknowledgement.
            for record, done in batch:
                try:
                    await self.call(self.store.record, [record])
                except Exception as error:
                    if not done.done():
                        done.set_exception(error)
                else:
                    if not done.done():
                        done.set_result(None)
            return
        for _, done in batch:
            if not done.done():
                done.set_result(None)

    async def stop(self) -> None:
        """Commit what is queued, then stop the writer thread."""
        if self._task is not None:
            # The marker goes behind every queued record, so all of them are committed first.
            self._queue.put_nowait(None)
            await self._task
            self._task = None
        self._executor.shutdown(wait=True)
