"""A real `zoomapp serve` process for a test, and what it printed."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

BIN = Path(sys.executable).with_name("zoomapp")


class Served:
    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url
        parts = urlsplit(url)
        self.host = parts.hostname or ""
        self.port = parts.port or 0
        self.token = parts.query.removeprefix("token=")

    def get(self, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        connection.request("GET", path, headers=headers or {})
        return connection.getresponse()


@pytest.fixture
def served(zoomapp_home: Path) -> Iterator[Served]:
    process = subprocess.Popen(
        [str(BIN), "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ZOOMAPP_HOME": str(zoomapp_home)},
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", line)
    assert found, line + (process.stderr.read() if process.stderr else "")
    yield Served(process, found.group(0))
    if process.poll() is None:
        process.terminate()  # as Ctrl+C would: the server ends every tab's app with it
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
