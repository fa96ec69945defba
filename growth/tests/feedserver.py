"""A tiny HTTP server on 127.0.0.1 serving feeds from a dict, for tests (no other network)."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Industry News</title><link>http://example.test/</link>
<description>News</description>
<item><title>Hiring is up in fintech</title><link>http://example.test/a</link>
<guid>tag:example.test,2026:a</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Banks &lt;script&gt;alert(1)&lt;/script&gt;are hiring.&lt;/p&gt;
</description></item>
<item><title>New certification for analysts</title><link>http://example.test/b</link>
<pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Veille RH</title>
<id>urn:uuid:feed</id><updated>2026-11-01T00:00:00Z</updated>
<entry><title>Le march\xc3\xa9 du travail en 2027</title><id>urn:uuid:1</id>
<link href="http://example.test/fr/1"/><updated>2026-11-01T00:00:00Z</updated>
<summary>R\xc3\xa9sum\xc3\xa9</summary></entry>
</feed>"""


class _Handler(BaseHTTPRequestHandler):
    routes = {}

    def do_GET(self):  # noqa: N802
        route = self.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        status, headers, body = route
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def serve(routes):
    """Serve `routes` ({path: (status, headers, body)}); yield the base URL."""
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Trickle:
    """A server on 127.0.0.1 that answers one byte every `interval` seconds, for ever.

    `stage` says where it stalls: "headers" (a header line that never ends), "body" (a body
    much longer than what arrives) or "tls" (bytes that never complete a TLS handshake). It
    counts the bytes it managed to send before the client hung up (`sent`), and stops when the
    test ends, so a client that never gives up cannot hang the test run.
    """

    def __init__(self, stage, interval=0.1):
        import socket

        self.stage, self.interval = stage, interval
        self.sent = 0
        self.connections = 0
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        while not self.stop.is_set():
            try:
                connection, _address = self.listener.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._trickle, args=(connection,), daemon=True).start()

    def _trickle(self, connection):
        prelude = {
            "headers": b"HTTP/1.1 200 OK\r\nX-Slow: ",
            "body": b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
            b"Content-Length: 1000000\r\n\r\n<rss>",
            # A TLS record header announcing 16 KB of handshake, which then never comes.
            "tls": b"\x16\x03\x03\x40\x00",
        }[self.stage]
        with connection:
            try:
                if prelude:
                    connection.sendall(prelude)
                while not self.stop.wait(self.interval):
                    connection.sendall(b"a")
                    self.sent += 1
            except OSError:
                return  # the client hung up: what the test wants

    def __enter__(self):
        self.thread.start()
        scheme = "https" if self.stage == "tls" else "http"
        return f"{scheme}://127.0.0.1:{self.port}/feed"

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(5)
        self.listener.close()
