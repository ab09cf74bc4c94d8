"""The consume loop: read a batch, predict, publish, then acknowledge (at least once).

A message is acknowledged only after its result (or its dead letter) is published, so a
consumer that dies mid-batch leaves the batch pending and it is delivered again; the broker's
``publish`` is idempotent per event id, so the redelivery publishes nothing twice. A stop
request (SIGTERM, SIGINT) is honoured between batches: the batch in flight is finished and
acknowledged first.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

from ..errors import MLProjectError
from ..models.common.artifact import ModelArtifact
from .broker import Broker, Message
from .events import Event, InvalidEventError, parse_event, predict_events

logger = logging.getLogger(__name__)


@dataclass
class StreamStats:
    batches: int = 0
    read: int = 0
    published: int = 0
    duplicates: int = 0
    dead_lettered: int = 0

    def add(self, other: StreamStats) -> None:
        self.batches += other.batches
        self.read += other.read
        self.published += other.published
        self.duplicates += other.duplicates
        self.dead_lettered += other.dead_lettered


class StreamConsumer:
    """Score events from ``broker`` with ``artifact`` until stopped."""

    def __init__(
        self, broker: Broker, artifact: ModelArtifact, batch_size: int = 100, block_ms: int = 1000
    ) -> None:
        self.broker = broker
        self.artifact = artifact
        self.batch_size = batch_size
        self.block_ms = block_ms
        self._stop = threading.Event()

    def request_stop(self) -> None:
        """Stop after the batch in flight (safe from a signal handler or another thread)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run(self, max_batches: int | None = None) -> StreamStats:
        """Process batches until a stop request (or ``max_batches`` non-empty batches)."""
        total = StreamStats()
        while not self.stopping and (max_batches is None or total.batches < max_batches):
            total.add(self.process_batch())
        logger.info("stream consumer stopped", extra={"published": total.published})
        return total

    def process_batch(self) -> StreamStats:
        """Read one batch and handle it; an empty read counts as no batch."""
        return self.handle(self.broker.read(self.batch_size, self.block_ms))

    def handle(self, messages: Sequence[Message]) -> StreamStats:
        stats = StreamStats(batches=1 if messages else 0, read=len(messages))
        valid: list[tuple[Message, Event]] = []
        for message in messages:
            try:
                valid.append(
                    (message, parse_event(message.value, self.artifact.schema.feature_names))
                )
            except InvalidEventError as exc:
                self._dead_letter(message, str(exc), stats)
        for (message, event), result in zip(
            valid, self._predict([e for _, e in valid]), strict=True
        ):
            if isinstance(result, str):
                self._dead_letter(message, result, stats)
            elif self.broker.publish(event.event_id, result):
                stats.published += 1
            else:
                stats.duplicates += 1
                logger.info("event already published", extra={"event_id": event.event_id})
        self.broker.ack(messages)
        return stats

    def _predict(self, events: list[Event]) -> list[dict[str, Any] | str]:
        """Results for the batch; if the model rejects it, event by event (errors as text)."""
        if not events:
            return []
        try:
            batch: list[dict[str, Any] | str] = [*predict_events(self.artifact, events)]
            return batch
        except (MLProjectError, ValueError, TypeError):
            outcomes: list[dict[str, Any] | str] = []
            for event in events:
                try:
                    outcomes.extend(predict_events(self.artifact, [event]))
                except (MLProjectError, ValueError, TypeError) as exc:
                    outcomes.append(f"prediction failed: {exc}")
            return outcomes

    def _dead_letter(self, message: Message, reason: str, stats: StreamStats) -> None:
        logger.warning(
            "dead-lettered event", extra={"delivery_id": message.delivery_id, "reason": reason}
        )
        self.broker.dead_letter(message, reason)
        stats.dead_lettered += 1


@contextmanager
def stop_on_signals(
    consumer: StreamConsumer, signals: Sequence[signal.Signals] = (signal.SIGTERM, signal.SIGINT)
) -> Iterator[None]:
    """Turn SIGTERM/SIGINT into a graceful stop while the block runs (main thread only)."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        logger.info("stop requested", extra={"signal": signal.Signals(signum).name})
        consumer.request_stop()

    previous = {sig: signal.signal(sig, handler) for sig in signals}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
