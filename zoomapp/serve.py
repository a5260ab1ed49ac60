"""`zoomapp serve`: the same app in a browser tab on this computer, through textual-serve.

Private by design:
- it listens on the loopback address only (127.0.0.1), never on the network;
- every request - the page, its files, the websocket that runs the app - needs the
  random token in the printed address (kept afterwards in a cookie for this page only);
  without it the answer is 403 and no app is started;
- a websocket whose Origin is not this server's own is refused, so a web page the parent
  happens to visit cannot drive zoomapp; a Host header that is not ours is refused too
  (DNS rebinding);
- the page loads nothing from anywhere else: zoomapp's own template, with textual-serve's
  bundled font, script and styles. Its few words (opening, closed, how to open it again)
  come from the packs, in the parent's language, read as each tab opens.

Each tab runs its own `zoomapp` process on the same data folder; the journal's lock keeps
two tabs writing at once from losing anything. At most MOST_TABS apps run at once: the
next tab gets a calm page (the packs' words) asking to close one, and its websocket is
refused before any app starts. A tab that closes frees its place once its app is gone.
Stopping (Ctrl+C, SIGTERM) is prompt whatever the tabs do: each app is told to quit, each
tab's connection is dropped (a tab that never reads would otherwise hold every write), and
an app still running a moment later is ended - its saves are atomic, so nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import shlex
import signal
import socket
import sys
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

LOOPBACK = ("127.0.0.1", "localhost")
# Apps running at once. Each is a process of about 27 MB; on two cores, 30 starting
# together drew next to nothing for seconds. Eight is more tabs than a parent needs.
MOST_TABS = 8
SECONDS_TO_QUIT = 1.0  # how long a tab's app has to quit by itself before it is ended
SECONDS_TO_END = 0.3  # then from SIGTERM to SIGKILL
APP = (sys.executable, "-m", "zoomapp")  # started directly: one process a tab, no shell
QUIT = b'{"type": "quit"}'
COOKIE = "zoomapp_token_{port}"  # per port: browsers share a host's cookies across ports
TEMPLATES = Path(__file__).resolve().parent / "ui" / "web"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# The page's words (text keys of the packs) and, should the packs not be readable at all,
# a plain English and Spanish line for each: the page must open whatever happens.
PAGE_WORDS = {
    "opening": ("web_opening", "zoomapp is opening… / zoomapp se está abriendo…"),
    "start": ("web_start", "Start / Empezar"),
    "closed": (
        "web_closed",
        "zoomapp has closed. Everything you wrote is kept. / "
        "zoomapp se ha cerrado. Todo lo que escribiste está guardado.",
    ),
    "open_again": ("web_open_again", "Open it again / Abrirlo de nuevo"),
    "reopen_how": (
        "web_reopen_how",
        "Or run zoomapp serve and open the address it prints. / "
        "O ejecuta zoomapp serve y abre la dirección que muestra.",
    ),
    "full": (
        "web_full",
        "zoomapp is open in too many tabs. Close one, then try again. / "
        "zoomapp está abierto en demasiadas pestañas. Cierra una y vuelve a intentarlo.",
    ),
    "try_again": ("web_try_again", "Try again / Intentar de nuevo"),
}


def page_words() -> dict[str, str]:
    """The page's words from the packs, in the language the parent chose (and `lang`)."""
    try:
        from zoomapp.core.paths import default_paths
        from zoomapp.core.workspace import open_workspace

        content = open_workspace(default_paths()).content
    except Exception:  # noqa: BLE001 - the page opens with its plain words instead
        return {"lang": "en", **{name: plain for name, (_, plain) in PAGE_WORDS.items()}}
    words = {name: content.text(key) for name, (key, _) in PAGE_WORDS.items()}
    return {"lang": content.language, **words}


def refused(words: str, answer: type[web.HTTPException] = web.HTTPForbidden) -> web.HTTPException:
    """A calm refusal, and the connection closed after it: whatever the client sends next
    (a refused websocket's frames) is never read as another request."""
    response = answer(text=f"zoomapp: {words}\n")
    response.force_close()
    return response


class TabApp(AppService):
    """One tab's app: its own process, and sure to end when the tab closes or the server
    stops, whatever the tab does (a tab that never reads included)."""

    def __init__(self, websocket: web.WebSocketResponse, request: web.Request, server: Server):
        super().__init__(
            shlex.join(APP),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=self.close_tab,
            download_manager=server.download_manager,
        )
        self.websocket = websocket
        self.transport = request.transport
        self.leaving = False

    async def close_tab(self) -> None:
        """The app has quit (`q`): its tab is closed, and shows the page's closed words."""
        await self.websocket.close()

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        pipe = asyncio.subprocess.PIPE
        environment = self._build_environment(width=width, height=height)
        process = await asyncio.create_subprocess_exec(
            *APP, stdin=pipe, stdout=pipe, stderr=pipe, env=environment
        )
        self._process, self._stdin = process, process.stdin
        return process

    async def on_data(self, payload: bytes) -> None:
        """The app's screen, to its tab; once the tab is leaving it is dropped instead, so
        the app's output is still read and the app is never stuck before it can quit."""
        if self.leaving:
            return
        try:
            await self.remote_write_bytes(payload)
        except (ConnectionError, RuntimeError):  # the tab has gone
            self.leave()

    def leave(self) -> None:
        """The tab is closing: its app is told to quit (without waiting on it) and the tab's
        connection is dropped, so no write to it can hold anything up."""
        if self.leaving:
            return
        self.leaving = True
        process, stdin = self._process, self._stdin
        running = process is not None and process.returncode is None
        if running and stdin is not None and not stdin.is_closing():
            stdin.write(self.encode_packet(b"M", QUIT))
        if self.transport is not None:
            self.transport.abort()

    async def end(self) -> None:
        """Leave, and return once the app's process is gone: it quits by itself, or after
        SECONDS_TO_QUIT it is ended (every save is atomic: nothing written is lost)."""
        self.leave()
        process = self._process
        if process is None:
            return
        for seconds, end in ((SECONDS_TO_QUIT, process.terminate), (SECONDS_TO_END, process.kill)):
            try:
                await asyncio.wait_for(asyncio.shield(process.wait()), seconds)
                break
            except TimeoutError:
                if process.returncode is None:
                    end()
        await process.wait()
        if self._task is not None:  # its output read to the end
            await asyncio.wait({self._task}, timeout=SECONDS_TO_END)


class ZoomServer(Server):
    """textual-serve's server, guarded by a token, an Origin check and a Host check."""

    def __init__(self, sock: socket.socket, token: str, open_browser: bool = False) -> None:
        self.sock = sock
        self.token = token
        self.open_browser = open_browser
        port = sock.getsockname()[1]
        super().__init__(
            shlex.join(APP), host="127.0.0.1", port=port, title="zoomapp", templates_path=TEMPLATES
        )
        self.apps: set[TabApp] = set()  # each open tab's app
        self.cookie = COOKIE.format(port=port)
        self.ours = {f"{host}:{port}" for host in LOOPBACK}
        self.origins = {f"http://{where}" for where in self.ours}

    @property
    def address(self) -> str:
        return f"{self.public_url}/?token={self.token}"

    def allowed(self, request: web.Request) -> str:
        """'' when the request may go on; otherwise why not, in words."""
        if request.host not in self.ours:
            return "this server answers only at 127.0.0.1 - use the address zoomapp serve printed"
        given = request.query.get("token") or request.cookies.get(self.cookie) or ""
        if not secrets.compare_digest(given.encode(), self.token.encode()):
            return "this page needs its token - open the whole address zoomapp serve printed"
        if request.path == "/ws" and request.headers.get("Origin") not in self.origins:
            return "the app only runs from its own page, not from another site"
        return ""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        # Called by the template as it is drawn, so each tab speaks the language chosen now.
        aiohttp_jinja2.get_env(app).globals["page_words"] = page_words

        @web.middleware
        async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
            why = self.allowed(request)
            if why:
                return refused(why)
            response = await handler(request)
            if request.query.get("token") and request.path == "/":
                response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict")
            return response

        app.middlewares.append(guard)
        return app

    @property
    def full(self) -> bool:
        return len(self.apps) >= MOST_TABS

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page; while MOST_TABS apps run, a calm page saying to close a tab instead."""
        if not self.full:
            return await super().handle_index(request)
        static = request.app.router["static"].url_for(filename="/")
        context = {"config": {"static": {"url": str(static).rstrip("/") + "/"}}}
        return aiohttp_jinja2.render_template("app_full.html", request, context, status=503)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab's websocket, running its own app - unless MOST_TABS already run: then it is
        refused calmly (the packs' words) and no app is started."""
        if self.full:
            raise refused(page_words()["full"], web.HTTPServiceUnavailable)
        websocket = web.WebSocketResponse(heartbeat=15)
        tab = TabApp(websocket, request, self)
        self.apps.add(tab)  # at once, before any wait: two tabs cannot take the last place
        try:
            await websocket.prepare(request)
            query = request.query
            await tab.start(
                to_int(query.get("width", "80"), 80), to_int(query.get("height", "24"), 24)
            )
            await self._process_messages(websocket, tab)
        except Exception:  # noqa: BLE001, S110 - a tab gone or garbled: its app ends, below
            pass
        finally:
            await tab.end()
            self.apps.discard(tab)  # its place is free once its app is gone
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Stopping: every tab's app is told to quit now and every tab dropped at once, so
        no tab (one that never reads included) can hold the stop up; an app still running
        after SECONDS_TO_QUIT is ended."""
        await asyncio.gather(*(tab.end() for tab in list(self.apps)))

    def initialize_logging(self) -> None:
        """Quiet: one line with the address is all a parent needs to see - never a
        traceback (aiohttp logs a garbled request with one, to stderr, by default)."""
        logging.getLogger().addHandler(logging.NullHandler())

    async def on_startup(self, app: web.Application) -> None:
        print(f"zoomapp is open at {self.address}  (Ctrl+C stops it)", flush=True)
        if self.open_browser:
            import webbrowser

            webbrowser.open(self.address)

    def serve(self, debug: bool = False) -> None:
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)

        def stop() -> None:
            raise GracefulExit()

        for number in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(number, stop)
        web.run_app(
            self._make_app(),
            sock=self.sock,
            handle_signals=False,
            loop=loop,
            print=lambda *args: None,
            shutdown_timeout=1,  # the apps have ended already (on_shutdown)
        )


def bind(port: int) -> socket.socket:
    """A listening socket on the loopback address (port 0: any free one)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(16)
    return sock


def run_server(port: int, open_browser: bool) -> int:
    """Serve until Ctrl+C or SIGTERM; every app it started ends with it."""
    server = ZoomServer(bind(port), secrets.token_urlsafe(24), open_browser)
    server.serve()
    return 0
