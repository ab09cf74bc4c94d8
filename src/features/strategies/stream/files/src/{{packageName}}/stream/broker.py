"""What the consumer needs from a message broker, whatever the broker is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Message:
    """One delivered event: the broker's delivery id, the raw body and adapter data."""

    delivery_id: str
    value: bytes
    handle: Any = None  # what the adapter needs to acknowledge it (e.g. a Kafka message)


class Broker(Protocol):
    """Read, publish and acknowledge; adapters: redis_broker.py, kafka_broker.py."""

    def read(self, max_messages: int, block_ms: int) -> list[Message]:
        """Up to ``max_messages`` unacknowledged messages, waiting at most ``block_ms``."""

    def publish(self, event_id: str, result: Mapping[str, Any]) -> bool:
        """Publish ``result`` unless a result for ``event_id`` was already published.

        Returns whether it published: a redelivered event must not be published twice.
        """

    def dead_letter(self, message: Message, reason: str) -> None:
        """Set aside a message that cannot be processed, with the reason."""

    def ack(self, messages: Sequence[Message]) -> None:
        """Mark messages as done; unacknowledged ones are delivered again."""

    def close(self) -> None:
        """Release connections."""
