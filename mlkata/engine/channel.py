"""The result channel: how a kata's process tells the supervisor what its checks did.

Records are JSON objects, one per line, each starting with the run's token. The write
end is a pipe inherited by the kata's process, kept by the reporter only (never on
``sys.stdout``), so nothing the code under test prints reaches it. A line without the
token, or one that is not a record, means something other than the reporter wrote to
the channel: the supervisor fails the kata.
"""

from __future__ import annotations

import json
import os
import secrets
from typing import Any

MAX_LINE = 1 << 20

LEARNER_LOST = 86
"""Exit status of a kata's process whose learner process ended mid-call: the worker
reports the learner process's own status in its place."""
LEARNER_BROKE = 87
"""Exit status of a kata's process whose learner process broke the protocol."""


def new_token() -> str:
    return secrets.token_hex(16)


class ChannelWriter:
    """The kata process's end: ``send(event, **fields)``."""

    def __init__(self, fd: int, token: str) -> None:
        self._fd = fd
        self._token = token
        # Bound now: code under test that replaces os.write or json.dumps later does
        # not reach the channel.
        self._write = os.write
        self._dumps = json.dumps

    def send(self, event: str, **fields: Any) -> None:
        fields["event"] = event
        data = f"{self._token} {self._dumps(fields, default=str)}\n".encode()
        view = memoryview(data)
        while view:
            written = self._write(self._fd, view)
            view = view[written:]


class ChannelReader:
    """The supervisor's end: feed it bytes, take complete records."""

    def __init__(self, token: str) -> None:
        self.token = token
        self._buffer = b""
        self.forged = 0

    def feed(self, data: bytes) -> list[dict]:
        self._buffer += data
        records = []
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            record = self._parse(line)
            if record is None:
                self.forged += 1
            else:
                records.append(record)
        if len(self._buffer) > MAX_LINE:
            self._buffer = b""
            self.forged += 1
        return records

    def _parse(self, line: bytes) -> dict | None:
        token, _, body = line.partition(b" ")
        if token.decode(errors="replace") != self.token:
            return None
        try:
            record = json.loads(body)
        except ValueError:
            return None
        return record if isinstance(record, dict) and "event" in record else None
