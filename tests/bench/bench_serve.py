"""`zoomapp serve` under load: many tabs at once, and stopping with tabs that never read.

Not part of the test suite. Each run starts a real server on a throwaway data folder.

    .venv/bin/python tests/bench/bench_serve.py tabs --tabs 30
    .venv/bin/python tests/bench/bench_serve.py stop --clients 8
    .venv/bin/python tests/bench/bench_serve.py stop --clients 8 --zoomapp /other/venv/bin/zoomapp

- tabs: opens N websockets at once (as N browser tabs would), each waiting for the home
  screen; prints how many were drawn within 12 s and in all, how many were refused, and,
  with every tab still open, the server's descendant processes and their memory (the sum of
  their proportional set sizes, so shared pages are counted once).
- stop: connects N clients that send the handshake and a stream of resizes (each one a full
  redraw) and never read; then SIGTERM; prints the seconds to exit and what is left.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.serving import Served, descendants, memory_mb, stalled_tab, start_server  # noqa: E402


async def _tab(served: Served, drawn: list[float], refused: list[int], start: float) -> None:
    import aiohttp

    cookies = {f"zoomapp_token_{served.port}": served.token}
    async with aiohttp.ClientSession(cookies=cookies) as session:
        url = f"ws://127.0.0.1:{served.port}/ws?width=80&height=24"
        try:
            ws = await session.ws_connect(url, origin=f"http://127.0.0.1:{served.port}")
        except aiohttp.WSServerHandshakeError as refusal:
            refused.append(refusal.status)
            return
        received = b""
        deadline = start + 60
        while b"What do you need" not in received and time.monotonic() < deadline:
            message = await ws.receive(timeout=60)
            if message.type != aiohttp.WSMsgType.BINARY:
                break
            received += message.data
        if b"What do you need" in received:
            drawn.append(time.monotonic() - start)
        await asyncio.sleep(max(0.0, deadline - time.monotonic()))  # held open until the end
        await ws.close()


async def _many_tabs(served: Served, tabs: int) -> None:
    drawn: list[float] = []
    refused: list[int] = []
    start = time.monotonic()
    opened = [asyncio.create_task(_tab(served, drawn, refused, start)) for _ in range(tabs)]
    while len(drawn) + len(refused) < tabs and time.monotonic() - start < 60:
        await asyncio.sleep(0.25)
    await asyncio.sleep(1)  # settled
    pids = descendants(served.process.pid)
    in_12 = sum(1 for seconds in drawn if seconds <= 12)
    last = max(drawn) if drawn else float("nan")
    print(f"tabs asked: {tabs}; drawn within 12 s: {in_12}; drawn in all: {len(drawn)}", end="")
    print(f" (the last at {last:.1f} s); refused: {len(refused)} {sorted(set(refused))}")
    print(f"descendant processes: {len(pids)}; their memory: {memory_mb(pids):.0f} MB (PSS)")
    for task in opened:
        task.cancel()
    await asyncio.gather(*opened, return_exceptions=True)


def _stop(served: Served, clients: int) -> None:
    held = [stalled_tab(served) for _ in range(clients)]
    time.sleep(8)  # the apps start, draw and fill every buffer on the way
    pids = descendants(served.process.pid)
    print(f"{clients} clients that never read; descendant processes: {len(pids)}")
    start = time.monotonic()
    served.process.send_signal(signal.SIGTERM)
    try:
        served.process.wait(timeout=60)
    except Exception:
        served.process.kill()
    took = time.monotonic() - start
    time.sleep(0.5)
    left = [pid for pid in pids if Path(f"/proc/{pid}").exists()]
    print(f"SIGTERM to exit: {took:.2f} s; exit code {served.process.returncode};", end="")
    print(f" processes left: {len(left)}")
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    for sock in held:
        sock.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["tabs", "stop"])
    parser.add_argument("--tabs", type=int, default=30)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--zoomapp", default=str(Path(sys.executable).with_name("zoomapp")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        Path(home, "settings.toml").write_text("country_asked = true\n")
        served = start_server(Path(home), args.zoomapp)
        try:
            if args.what == "tabs":
                asyncio.run(_many_tabs(served, args.tabs))
            else:
                _stop(served, args.clients)
        finally:
            if served.process.poll() is None:
                served.process.terminate()
                served.process.wait(timeout=30)


if __name__ == "__main__":
    main()
