"""Redis Streams adapter: a consumer group on the input stream, results on the output stream.

- ``read``: first this consumer's own pending entries (delivered before a crash or restart,
  never acknowledged), then entries other consumers left pending for ``claim_idle_ms``
  (XAUTOCLAIM), then new entries (XREADGROUP ``>``).
- ``publish``: one Lua script sets ``<output>:published:<event id>`` (NX, with a TTL; the marker
  of published_ids.py) and adds
  the result to the output stream only if the key was new, atomically, so a redelivered event
  is never published twice and a crash cannot separate the result from its marker.
- ``ack``: XACK, after the results are published.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

import redis

from .broker import Message
from .published_ids import marker_key

EVENT_FIELD = b"event"

# Replies of XREADGROUP / XAUTOCLAIM without decode_responses (redis-py types them loosely).
_Entry = tuple[bytes, dict[bytes, bytes] | None]
_StreamReply = list[tuple[bytes, list[_Entry]]]

# KEYS[1]: the marker key, KEYS[2]: the stream; ARGV[1]: the TTL, ARGV[2..]: field/value pairs.
_ADD_ONCE = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
  return 1
end
return 0
"""


class RedisStreamBroker:
    def __init__(
        self,
        client: redis.Redis,
        *,
        input_stream: str,
        output_stream: str,
        dead_letter_stream: str,
        group: str,
        consumer: str,
        claim_idle_ms: int = 60_000,
        dedupe_ttl_s: int = 86_400,
    ) -> None:
        self.client = client
        self.input_stream = input_stream
        self.output_stream = output_stream
        self.dead_letter_stream = dead_letter_stream
        self.group = group
        self.consumer = consumer
        self.claim_idle_ms = claim_idle_ms
        self.dedupe_ttl_s = dedupe_ttl_s
        self._add_once = client.register_script(_ADD_ONCE)
        self._own_pending_done = False
        self.ensure_group()

    @classmethod
    def from_url(cls, url: str, **options: Any) -> RedisStreamBroker:
        return cls(redis.Redis.from_url(url), **options)

    def ensure_group(self) -> None:
        """Create the consumer group (and the stream) unless they exist."""
        try:
            self.client.xgroup_create(self.input_stream, self.group, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read(self, max_messages: int, block_ms: int) -> list[Message]:
        if not self._own_pending_done:
            own = self._read_group("0", max_messages, None)
            if own:
                return own
            self._own_pending_done = True
        claimed = self._claim_idle(max_messages)
        if claimed:
            return claimed
        return self._read_group(">", max_messages, block_ms)

    def _read_group(self, start: str, count: int, block_ms: int | None) -> list[Message]:
        reply = self.client.xreadgroup(
            self.group, self.consumer, {self.input_stream: start}, count=count, block=block_ms
        )
        messages: list[Message] = []
        for _stream, entries in cast("_StreamReply | None", reply) or []:
            messages.extend(_message(entry_id, fields) for entry_id, fields in entries)
        return messages

    def _claim_idle(self, count: int) -> list[Message]:
        reply = self.client.xautoclaim(
            self.input_stream,
            self.group,
            self.consumer,
            min_idle_time=self.claim_idle_ms,
            start_id="0-0",
            count=count,
        )
        entries = cast("list[_Entry]", reply[1])
        return [_message(entry_id, fields) for entry_id, fields in entries]

    def publish(self, event_id: str, result: Mapping[str, Any]) -> bool:
        marker = marker_key(self.output_stream, event_id)
        fields = ["event_id", event_id, "result", json.dumps(dict(result), sort_keys=True)]
        added = self._add_once(keys=[marker, self.output_stream], args=[self.dedupe_ttl_s, *fields])
        return bool(added)

    def dead_letter(self, message: Message, reason: str) -> None:
        marker = f"{self.dead_letter_stream}:seen:{message.delivery_id}"
        fields = [b"delivery_id", message.delivery_id.encode(), EVENT_FIELD, message.value]
        self._add_once(
            keys=[marker, self.dead_letter_stream],
            args=[self.dedupe_ttl_s, *fields, b"reason", reason.encode()],
        )

    def ack(self, messages: Sequence[Message]) -> None:
        if messages:
            self.client.xack(self.input_stream, self.group, *(m.delivery_id for m in messages))

    def close(self) -> None:
        self.client.close()


def _message(entry_id: bytes, fields: Mapping[bytes, bytes] | None) -> Message:
    """A Message from an entry; an entry deleted while pending has no fields (empty body)."""
    return Message(delivery_id=entry_id.decode(), value=(fields or {}).get(EVENT_FIELD, b""))
