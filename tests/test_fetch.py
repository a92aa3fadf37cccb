"""URLs end to end against a local server on 127.0.0.1 (never any other address).

The server serves saved pages: an HTML article with a script, a nav and comments; a cp1256
page with its charset header; a redirect and a redirect loop; an oversized body; a 404; a
PDF; a slow answer, a trickling one and one dripping its headers (all beyond a short fetch_timeout);
gzip bombs of two and three layers.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import SEEDS
from test_inputs import html_page

from compare.cli import main
from compare.ingest import ingest
from compare.settings import Settings

SEED = sorted(SEEDS.glob("*.txt"))
TIMEOUT = 0.5
MAX_BYTES = 200_000


@dataclass
class Route:
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0  # before the answer
    trickle: float = 0.0  # between body chunks
    length: bool = True  # send Content-Length
    drip: float = 0.0  # send the status line and header lines a byte at a time, this far apart


def _gzip_bomb(layers: int) -> bytes:
    """100 MB of zeros gzipped ``layers`` times: a few hundred bytes on the wire."""
    import gzip
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    data = b"".join(packer.compress(block) for _ in range(100)) + packer.flush()
    for _ in range(layers - 1):
        data = gzip.compress(data, 9)
    return data


def _routes() -> dict[str, Route]:
    cp1256 = html_page(SEED[1].read_text(encoding="utf-8"), charset=None).encode("cp1256")
    return {
        "/article.html": Route(body=html_page(SEED[0].read_text(encoding="utf-8")).encode()),
        "/cp1256.html": Route(content_type="text/html; charset=windows-1256", body=cp1256),
        "/meta1256.html": Route(content_type="text/html",
                                body=html_page(SEED[1].read_text(encoding="utf-8"), "windows-1256").encode("cp1256")),
        "/plain.txt": Route(content_type="text/plain", body=SEED[3].read_bytes()),
        "/redirect": Route(status=302, headers=(("Location", "/article.html"),)),
        "/to-file": Route(status=302, headers=(("Location", "file:///etc/passwd"),)),
        "/loop": Route(status=302, headers=(("Location", "/loop"),)),
        "/big.html": Route(body=b"<p>" + "كلمة ".encode() * MAX_BYTES + b"</p>"),
        "/big-chunked.html": Route(body=b"<p>" + "كلمة ".encode() * MAX_BYTES + b"</p>", length=False),
        "/missing.html": Route(status=404, body=b"not found"),
        "/doc.pdf": Route(content_type="application/pdf", body=b"%PDF-1.7\n"),
        "/slow.html": Route(delay=4 * TIMEOUT, body=b"<p>late</p>"),
        "/bomb.html": Route(body=_gzip_bomb(2), headers=(("Content-Encoding", "gzip, gzip"),)),
        "/bomb3.html": Route(body=_gzip_bomb(3), headers=(("Content-Encoding", "gzip, gzip, gzip"),)),
        "/gzip.html": Route(body=__import__("gzip").compress(html_page(SEED[0].read_text(encoding="utf-8")).encode()),
                            headers=(("Content-Encoding", "gzip"),)),
        "/drip-head.html": Route(drip=TIMEOUT / 4, body=b"<p>late</p>"),
        "/trickle.html": Route(trickle=TIMEOUT / 3, body=html_page(SEED[3].read_text(encoding="utf-8")).encode()),
    }


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}

    def do_GET(self) -> None:
        route = self.routes.get(self.path, Route(status=404))
        time.sleep(route.delay)
        if route.drip:
            self._drip(route)
            return
        self.send_response(route.status)
        if route.content_type:
            self.send_header("Content-Type", route.content_type)
        for name, value in route.headers:
            self.send_header(name, value)
        if route.length:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        step = max(len(route.body) // 8, 1) if route.trickle else len(route.body) or 1
        for i in range(0, len(route.body), step):
            time.sleep(route.trickle)
            try:
                self.wfile.write(route.body[i:i + step])
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                return

    def _drip(self, route: Route) -> None:
        """A status line and 40 header lines, one byte at a time: each read is quick, the whole is not."""
        head = b"HTTP/1.1 200 OK\r\n" + b"X-Padding: abc\r\n" * 40
        head += b"Content-Length: %d\r\n\r\n" % len(route.body) + route.body
        for byte in head:
            time.sleep(route.drip)
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Base URL of a local HTTP server on 127.0.0.1, any free port."""
    _Handler.routes = _routes()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment would send our requests elsewhere: tests talk to 127.0.0.1 only."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def _settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "fast.toml"
    path.write_text(f"fetch_timeout = {TIMEOUT}\nmax_redirects = 3\nmax_file_bytes = {MAX_BYTES}\n", encoding="utf-8")
    return path


def _report(args: list[str], tmp_path: Path) -> int:
    return main(["report", *args, "-o", str(tmp_path / "out" / "b.pdf"), "--no-pdf",
                 "--settings", str(_settings_file(tmp_path))])


def test_two_urls_end_to_end(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _report([f"{server}/article.html", f"{server}/cp1256.html"], tmp_path) == 0
    data = json.loads((tmp_path / "out" / "b.json").read_text(encoding="utf-8"))
    assert [a["source"] for a in data["articles"]] == [f"{server}/article.html", f"{server}/cp1256.html"]
    for group in data["groups"]:
        for p in group["passages"]:
            text = next(a["text"] for a in data["articles"] if a["id"] == p["article"])
            assert text[p["start"]:p["end"]] == p["text"]
    assert data["groups"], "the two seed articles share passages"


def test_url_and_file_with_manifest_keyed_by_url(server: str, tmp_path: Path) -> None:
    manifest = tmp_path / "sources.toml"
    manifest.write_text(f'["{server}/redirect"]\noutlet = "رووداو"\npublished = 2021-07-26\n', encoding="utf-8")
    articles, _ = ingest([f"{server}/redirect", str(SEED[1])], Settings(fetch_timeout=TIMEOUT), manifest)
    first = articles[0]
    assert (first.outlet, first.published, first.url) == ("رووداو", "2021-07-26", f"{server}/article.html")
    file_version = ingest([str(SEED[0]), str(SEED[1])], Settings())[0][0]
    assert first.text.split() == file_version.text.split()  # every word kept; trafilatura turns NBSP to space


@pytest.mark.parametrize("path", ["/cp1256.html", "/meta1256.html"])
def test_declared_charset_is_used(server: str, path: str) -> None:
    """Header charset and <meta charset> both decode a Windows-1256 page."""
    from_url = ingest([f"{server}{path}", str(SEED[0])], Settings(fetch_timeout=TIMEOUT))[0][0]
    from_file = ingest([str(SEED[1]), str(SEED[0])], Settings())[0][0]
    assert from_url.text.split() == from_file.text.split()


def test_plain_text_url(server: str) -> None:
    article = ingest([f"{server}/plain.txt", str(SEED[0])], Settings(fetch_timeout=TIMEOUT))[0][0]
    assert article.text == ingest([str(SEED[3]), str(SEED[0])], Settings())[0][0].text
    assert (article.outlet, article.outlet_source) == ("127.0.0.1", "web address")  # not named on the page


def test_trickling_page_is_cut_off(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _assert_fails(server, "/trickle.html", tmp_path, capsys, "did not arrive within")


@pytest.mark.parametrize(("path", "problem"), [
    ("/missing.html", "HTTP 404 Not Found"),
    ("/loop", "redirects more than 3 times"),
    ("/to-file", "redirects to a URL that is not http(s)"),
    ("/big.html", f"over the size limit of {MAX_BYTES:,} bytes"),
    ("/big-chunked.html", f"over the size limit of {MAX_BYTES:,} bytes"),
    ("/doc.pdf", "serves application/pdf, not a web page"),
    ("/slow.html", f"did not arrive within {TIMEOUT:g} s"),
    ("/drip-head.html", f"did not arrive within {TIMEOUT:g} s"),
])
def test_url_failures(server: str, path: str, problem: str, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    _assert_fails(server, path, tmp_path, capsys, problem)


@pytest.mark.parametrize("path", ["/bomb.html", "/bomb3.html"])
def test_decompression_bomb_is_refused_within_the_size_limit(server: str, path: str) -> None:
    """Issue 11, item 2: the size limit applies to decoded bytes as they stream, for any number of
    layers; a few hundred bytes of nested gzip used to be inflated to gigabytes first."""
    import tracemalloc

    from compare.errors import InputError

    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="over the size limit"):
            ingest([f"{server}{path}", str(SEED[0])], Settings(fetch_timeout=10, max_file_bytes=MAX_BYTES))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * MAX_BYTES, f"{peak:,} bytes at peak"


def test_gzipped_page_reads_like_the_plain_one(server: str) -> None:
    gzipped = ingest([f"{server}/gzip.html", str(SEED[1])], Settings(fetch_timeout=10))[0][0]
    plain = ingest([f"{server}/article.html", str(SEED[1])], Settings(fetch_timeout=10))[0][0]
    assert gzipped.text == plain.text


def test_closed_port(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago on 127.0.0.1: nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _assert_fails(f"http://127.0.0.1:{port}", "/a.html", tmp_path, capsys, "cannot be fetched")


def _assert_fails(server: str, path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], problem: str) -> None:
    started = time.monotonic()
    assert _report([str(SEED[0]), f"{server}{path}"], tmp_path) == 2
    assert time.monotonic() - started < 4 * TIMEOUT + 3
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and f"{server}{path}" in lines[0] and problem in lines[0], lines
    assert not (tmp_path / "out").exists()
