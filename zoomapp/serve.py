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
two tabs writing at once from losing anything.
"""

from __future__ import annotations

import asyncio
import secrets
import shlex
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.server import Server

LOOPBACK = ("127.0.0.1", "localhost")
SECONDS_TO_STOP = 3  # the longest the server waits for its tabs' apps when it stops
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


def refused(words: str) -> web.Response:
    return web.Response(status=403, text=f"zoomapp: {words}\n")


class ZoomServer(Server):
    """textual-serve's server, guarded by a token, an Origin check and a Host check."""

    def __init__(self, sock: socket.socket, token: str, open_browser: bool = False) -> None:
        self.sock = sock
        self.token = token
        self.open_browser = open_browser
        port = sock.getsockname()[1]
        command = shlex.join([sys.executable, "-m", "zoomapp"])
        super().__init__(
            command, host="127.0.0.1", port=port, title="zoomapp", templates_path=TEMPLATES
        )
        self.tabs: set[asyncio.Task] = set()  # each open tab's websocket, running its app
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
            if request.path == "/ws":
                return await self._tab(handler, request)
            response = await handler(request)
            if request.query.get("token") and request.path == "/":
                response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict")
            return response

        app.middlewares.append(guard)
        return app

    async def _tab(self, handler: Handler, request: web.Request) -> web.StreamResponse:
        task = asyncio.current_task()
        if task is not None:
            self.tabs.add(task)
        try:
            return await handler(request)
        finally:
            self.tabs.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Stopping: each tab's app is told to quit now (it saves everything as it goes),
        rather than the server waiting for tabs that will never close by themselves."""
        tabs = list(self.tabs)
        for task in tabs:
            task.cancel()
        if tabs:  # each tab's app saw "quit"; let it finish before the loop closes
            await asyncio.wait(tabs, timeout=SECONDS_TO_STOP)

    def initialize_logging(self) -> None:
        """Quiet: one line with the address is all a parent needs to see."""

    async def on_startup(self, app: web.Application) -> None:
        print(f"zoomapp is open at {self.address}  (Ctrl+C stops it)", flush=True)
        if self.open_browser:
            import webbrowser

            webbrowser.open(self.address)

    def serve(self, debug: bool = False) -> None:
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
            shutdown_timeout=5,
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
