"""The class server: the standard library's threading HTTP server, hardened for a room.

Why not an ASGI stack: a room is at most about 60 devices, each sending one
document and refreshing a page every few seconds. `bench/classserver_load.py`
measures this server far above that load, and the standard library
adds no dependency to a tool people install in a hurry before a workshop. What
the stdlib leaves out is added here and in handler.py: a listen backlog and a
cap on open connections that fit a room, a timeout on every read, the body
size checked from Content-Length before a byte of it is read (and an
``Expect: 100-continue`` answered only after that check), JSON errors, and no
request log at all (the stdlib's names each client's address).
"""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer
from typing import Any

from privaudit.classserver.address import family
from privaudit.classserver.collection import Collection
from privaudit.classserver.handler import ShareHandler
from privaudit.classserver.limits import RateLimiter
from privaudit.classserver.options import Accepted, ServerOptions
from privaudit.classserver.page import LivePage, live_page
from privaudit.i18n import use_language


class ClassServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # The stdlib listens with a backlog of 5: a room pressing Enter together
    # overflowed it and saw connections reset (bench/classserver_load.py).
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        options: ServerOptions,
        collection: Collection,
        on_accept: Accepted | None = None,
    ) -> None:
        self.address_family = family(address[0])
        self.options = options
        self.collection = collection
        self.on_accept = on_accept
        self.post_limit = RateLimiter(options.post_rate)
        self.page_limit = RateLimiter(options.page_rate)
        self._slots = threading.BoundedSemaphore(options.max_connections)
        self._page: tuple[int, LivePage] | None = None
        self._page_lock = threading.Lock()
        super().__init__(address, ShareHandler)

    def page(self) -> LivePage:
        """The live page, rendered again only when a document arrived: a room's open
        tabs reloading every few seconds cost one render per change, not per reload."""
        with self._page_lock:
            version = self.collection.version
            if self._page is None or self._page[0] != version:
                page = live_page(
                    self.collection.documents(),
                    lang=self.options.lang,
                    refresh_seconds=self.options.refresh_seconds,
                )
                self._page = (version, page)
            return self._page[1]

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        # Beyond the cap a connection is closed at once, before a thread is made for it.
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        # A new thread starts with the ContextVar's default language, not the server's:
        # the trainer's arrival lines (on_accept) would come out in English under --lang es.
        try:
            with use_language(self.options.lang):
                super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """The stdlib prints a traceback naming the client; a dropped connection is
        not worth a line in the trainer's terminal."""
