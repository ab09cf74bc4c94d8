"""Kafka adapter (confluent-kafka, the ``kafka`` extra), sharing the consumer's core.

- ``read``: ``consume`` from the input topic with auto-commit off.
- ``publish``: produces the result keyed by event id (a compacted output topic keeps one per
  event), unless the shared store of published ids (Redis, ``stream.dedupe_url``) has it: a
  redelivery after a crash, a failed commit or a rebalance, on any replica, publishes nothing.
- ``ack``: waits for the produced results (flush), records their event ids in the store, then
  commits the next offset of every partition synchronously. A crash before the flush delivers
  the batch again and publishes it again (at least once: the same key, the same result); a crash
  after the ids are recorded, before the commit, delivers it again and publishes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol

from ..errors import DataError
from .broker import Message
from .published_ids import PublishedIds


class KafkaMessage(Protocol):
    def value(self) -> bytes | None: ...
    def error(self) -> Any: ...
    def topic(self) -> str | None: ...
    def partition(self) -> int | None: ...
    def offset(self) -> int | None: ...


class KafkaConsumer(Protocol):
    def consume(self, num_messages: int = 1, timeout: float = -1) -> Sequence[KafkaMessage]: ...
    def commit(self, *, offsets: list[Any], asynchronous: Literal[False]) -> Any: ...
    def close(self) -> None: ...


class KafkaProducer(Protocol):
    def produce(self, topic: str, value: bytes, key: bytes) -> None: ...
    def flush(self, timeout: float = -1) -> int: ...


class KafkaBroker:
    def __init__(
        self,
        consumer: KafkaConsumer,
        producer: KafkaProducer,
        *,
        output_topic: str,
        dead_letter_topic: str,
        published: PublishedIds,
        flush_timeout_s: float = 30.0,
    ) -> None:
        self.consumer = consumer
        self.producer = producer
        self.output_topic = output_topic
        self.dead_letter_topic = dead_letter_topic
        self.published = published
        self.flush_timeout_s = flush_timeout_s
        self._unconfirmed: list[str] = []  # produced in this batch, not yet flushed

    @classmethod
    def connect(
        cls,
        bootstrap_servers: str,
        *,
        input_topic: str,
        group: str,
        client_id: str,
        **options: Any,
    ) -> KafkaBroker:
        """Real confluent-kafka clients; raises DataError without the ``kafka`` extra."""
        try:
            # pylint: disable-next=import-outside-toplevel
            from confluent_kafka import Consumer, Producer  # noqa: PLC0415 - optional extra
        except ImportError:
            raise DataError("the Kafka broker needs the 'kafka' extra (confluent-kafka)") from None
        consumer = Consumer(
            {
                "bootstrap.servers": bootstrap_servers,
                "group.id": group,
                "client.id": client_id,
                "enable.auto.commit": False,
                "auto.offset.reset": "earliest",
            }
        )
        consumer.subscribe([input_topic])
        producer = Producer(
            {
                "bootstrap.servers": bootstrap_servers,
                "client.id": client_id,
                "enable.idempotence": True,
            }
        )
        return cls(consumer, producer, **options)

    def read(self, max_messages: int, block_ms: int) -> list[Message]:
        messages = []
        for record in self.consumer.consume(num_messages=max_messages, timeout=block_ms / 1000):
            if record.error() is not None:  # partition EOF and transient errors: not events
                continue
            delivery_id = f"{record.topic()}:{record.partition()}:{record.offset()}"
            messages.append(Message(delivery_id, record.value() or b"", handle=record))
        return messages

    def publish(self, event_id: str, result: Mapping[str, Any]) -> bool:
        if event_id in self._unconfirmed or self.published.contains(event_id):
            return False
        body = json.dumps(dict(result), sort_keys=True).encode()
        self.producer.produce(self.output_topic, value=body, key=event_id.encode())
        self._unconfirmed.append(event_id)
        return True

    def dead_letter(self, message: Message, reason: str) -> None:
        body = json.dumps(
            {
                "delivery_id": message.delivery_id,
                "reason": reason,
                "event": message.value.decode(errors="replace"),
            }
        ).encode()
        self.producer.produce(self.dead_letter_topic, value=body, key=message.delivery_id.encode())

    def ack(self, messages: Sequence[Message]) -> None:
        if not messages:
            return
        if self.producer.flush(self.flush_timeout_s) > 0:
            self._unconfirmed.clear()  # not recorded: the redelivery publishes them again
            raise DataError("Kafka results not delivered; the batch will be redelivered")
        self.published.record(self._unconfirmed)
        self._unconfirmed.clear()
        next_offsets: dict[tuple[str, int], int] = {}
        for message in messages:
            record = message.handle
            key = (record.topic(), record.partition())
            next_offsets[key] = max(next_offsets.get(key, 0), record.offset() + 1)
        self.consumer.commit(offsets=_partitions(next_offsets), asynchronous=False)

    def close(self) -> None:
        self.producer.flush(self.flush_timeout_s)
        self.consumer.close()
        self.published.close()


def _partitions(next_offsets: Mapping[tuple[str, int], int]) -> list[Any]:
    # pylint: disable-next=import-outside-toplevel
    from confluent_kafka import TopicPartition  # noqa: PLC0415 - optional extra

    return [
        TopicPartition(topic, partition, offset)
        for (topic, partition), offset in sorted(next_offsets.items())
    ]
