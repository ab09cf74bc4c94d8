"""Event ids whose result is published, kept in Redis so that every replica shares them and a
restarted consumer still knows them (the Kafka adapter's idempotency; the Redis Streams adapter
writes the same markers atomically with its results).

A marker is the key ``<output>:published:<event id>``, set for ``ttl_s`` seconds once the result
is delivered: a redelivered event (after a crash, a failed commit or a rebalance) whose marker
exists is not published again.
"""

from __future__ import annotations

from collections.abc import Iterable

import redis


def marker_key(output: str, event_id: str) -> str:
    return f"{output}:published:{event_id}"


class PublishedIds:
    def __init__(self, client: redis.Redis, output: str, ttl_s: int) -> None:
        self.client = client
        self.output = output
        self.ttl_s = ttl_s

    @classmethod
    def from_url(cls, url: str, output: str, ttl_s: int) -> PublishedIds:
        return cls(redis.Redis.from_url(url), output, ttl_s)

    def contains(self, event_id: str) -> bool:
        """Whether a result for ``event_id`` was delivered (by any replica, before any crash)."""
        return bool(self.client.exists(marker_key(self.output, event_id)))

    def record(self, event_ids: Iterable[str]) -> None:
        """Mark delivered results, in one round trip."""
        pipeline = self.client.pipeline(transaction=False)
        for event_id in event_ids:
            pipeline.set(marker_key(self.output, event_id), b"1", ex=self.ttl_s)
        pipeline.execute()

    def close(self) -> None:
        self.client.close()
