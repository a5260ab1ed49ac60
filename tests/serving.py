"""A real `zoomapp serve` process for a test, what it printed, and what runs under it."""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import pytest

BIN = Path(sys.executable).with_name("zoomapp")


class Served:
    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url
        self.printed: list[str] = []  # what it wrote after the address, on either stream
        for stream in (process.stdout, process.stderr):  # read, so it never waits to write
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()
        parts = urlsplit(url)
        self.host = parts.hostname or ""
        self.port = parts.port or 0
        self.token = parts.query.removeprefix("token=")

    def _read(self, stream: IO[str] | None) -> None:
        if stream is not None:
            with stream:
                self.printed.extend(stream)

    def get(self, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        return self._connect(path, headers).getresponse()

    def page(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
        """The status and the text of `path`, the connection closed after."""
        connection = self._connect(path, headers)
        try:
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()

    def _connect(self, path: str, headers: dict[str, str] | None) -> http.client.HTTPConnection:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        connection.request("GET", path, headers=headers or {})
        return connection


def start_server(home: Path, zoomapp: str | Path = BIN) -> Served:
    """`zoomapp serve` on the data folder `home`, once it has printed its address."""
    process = subprocess.Popen(
        [str(zoomapp), "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ZOOMAPP_HOME": str(home)},
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", line)
    assert found, line + (process.stderr.read() if process.stderr else "")
    return Served(process, found.group(0))


@pytest.fixture
def served(zoomapp_home: Path) -> Iterator[Served]:
    server = start_server(zoomapp_home)
    yield server
    process = server.process
    if process.poll() is None:
        process.terminate()  # as Ctrl+C would: the server ends every tab's app with it
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def descendants(pid: int) -> list[int]:
    """Every process under `pid` (children, their children …), from /proc."""
    found: list[int] = []
    waiting = [pid]
    while waiting:
        parent = waiting.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(children)
            waiting.extend(children)
    return found


def memory_mb(pids: list[int]) -> float:
    """The processes' proportional set size, in MB (shared pages counted once in all)."""
    total = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
        total += int(found.group(1)) if found else 0
    return total / 1024


def frame(payload: bytes, opcode: int = 1) -> bytes:
    """One masked websocket frame, as a client sends it (RFC 6455)."""
    mask = os.urandom(4)
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x80 | opcode, 0x80 | size)
    else:
        header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, size)
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def upgrade(served: Served, width: int = 80, height: int = 24) -> socket.socket:
    """A raw websocket to the app, handshake sent (its answer left unread)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window: fills fast
    sock.connect((served.host, served.port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        f"GET /ws?width={width}&height={height} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{served.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: http://127.0.0.1:{served.port}\r\n"
        f"Cookie: zoomapp_token_{served.port}={served.token}\r\n\r\n".encode()
    )
    return sock


def stalled_tab(served: Served, redraws: int = 60) -> socket.socket:
    """A tab that never reads: it asks for many full redraws, so the app's writes back
    to it fill every buffer on the way and the server is left waiting to send."""
    sock = upgrade(served, 200, 60)
    for n in range(redraws):
        size = {"width": 200 - n % 2 * 40, "height": 60 - n % 2 * 20}
        sock.sendall(frame(json.dumps(["resize", size]).encode()))
    return sock


async def open_tab(served: Served, saw: bytes) -> Any:
    """A tab's websocket, open once the app has drawn `saw`; the caller closes it."""
    import aiohttp

    session = aiohttp.ClientSession(cookies={f"zoomapp_token_{served.port}": served.token})
    url = f"ws://127.0.0.1:{served.port}/ws?width=80&height=24"
    try:
        ws = await session.ws_connect(url, origin=f"http://127.0.0.1:{served.port}")
    except BaseException:
        await session.close()
        raise
    ws.session = session  # closed with it, in close_tab
    received = await read_until(ws, saw)
    assert saw in received, received[-300:]
    return ws


async def read_until(ws: Any, saw: bytes, seconds: float = 30) -> bytes:
    """What a tab's websocket draws until `saw` is among it, or `seconds` have passed."""
    import aiohttp

    received = b""
    deadline = time.monotonic() + seconds
    while saw not in received and time.monotonic() < deadline:
        message = await ws.receive(timeout=seconds)
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data
    return received


async def close_tab(ws: Any) -> None:
    await ws.close()
    await ws.session.close()


def apps_of(home: Path) -> list[int]:
    """zoomapp processes started for this data folder (by their environment)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if f"ZOOMAPP_HOME={home}".encode() in environ and b"-m\x00zoomapp" in cmdline:
            found.append(int(entry.name))
    return found


def wait_for(test: Callable[[], bool], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while not test() and time.monotonic() < deadline:
        time.sleep(0.1)
    return test()
