"""`incident add --timestamp URL` against a real RFC 3161 authority on loopback:
openssl's own TSA (`openssl ts -reply`) behind a tiny HTTP server, and the token
checked with `openssl ts -verify`. Skipped where openssl is missing."""

from __future__ import annotations

import hashlib
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

OPENSSL = shutil.which("openssl")
pytestmark = pytest.mark.skipif(OPENSSL is None, reason="needs the openssl command")

TSA_CONFIG = """\
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = privaudit test TSA
[ tsa_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = {dir}
serial = $dir/serial
signer_cert = $dir/tsa.crt
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ess_cert_id_alg = sha256
ess_cert_id_chain = no
"""


def _openssl(*args: str, cwd: Path, data: bytes | None = None) -> bytes:
    assert OPENSSL
    proc = subprocess.run([OPENSSL, *args], cwd=cwd, input=data, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


class TSA:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.requests: list[bytes] = []
        (folder / "tsa.cnf").write_text(TSA_CONFIG.format(dir=folder))
        (folder / "serial").write_text("01\n")
        _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                 "-nodes", "-keyout", "tsa.key", "-out", "tsa.crt", "-days", "2",
                 "-config", "tsa.cnf", "-extensions", "tsa_ext", cwd=folder)  # fmt: skip

    def reply(self, query: bytes) -> bytes:
        self.requests.append(query)
        (self.folder / "q.tsq").write_bytes(query)
        _openssl("ts", "-reply", "-config", "tsa.cnf", "-queryfile", "q.tsq", "-out", "r.tsr",
                 cwd=self.folder)  # fmt: skip
        return (self.folder / "r.tsr").read_bytes()


@pytest.fixture
def tsa(tmp_path: Path) -> Iterator[tuple[TSA, str]]:
    folder = tmp_path / "tsa"
    folder.mkdir()
    authority = TSA(folder)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            query = self.rfile.read(int(self.headers["Content-Length"]))
            if self.path == "/broken":
                body, code = b"nope", 200
            else:
                body, code = authority.reply(query), 200
            self.send_response(code)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield authority, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_timestamp_token_verifies_with_openssl(cli, tsa: tuple[TSA, str], log_dir: Path) -> None:
    authority, url = tsa
    result = cli("incident", "add", "--url", "https://a.example/1", "--note", "secret note",
                 "--timestamp", url + "/tsa")  # fmt: skip
    assert result.code == 0, result.err
    line = (log_dir / "log.jsonl").read_bytes().rstrip(b"\n")
    digest = hashlib.sha256(line).hexdigest()
    token = log_dir / "timestamps" / "1.tsr"
    assert token.is_file()
    out = _openssl("ts", "-verify", "-digest", digest, "-in", str(token),
                   "-CAfile", str(authority.folder / "tsa.crt"), cwd=authority.folder)  # fmt: skip
    assert b"Verification: OK" in out
    # Only the entry's hash went out: nothing the user typed.
    [query] = authority.requests
    assert bytes.fromhex(digest) in query and b"secret note" not in query
    assert b"a.example" not in query
    assert cli("incident", "verify").code == 0


def test_a_bad_timestamp_answer_adds_nothing(cli, tsa: tuple[TSA, str], log_dir: Path) -> None:
    _, url = tsa
    result = cli("incident", "add", "--url", "https://a.example/1", "--timestamp", url + "/broken")
    assert result.code == 3
    assert "not an RFC 3161 response" in result.err
    assert not (log_dir / "log.jsonl").exists()


def test_an_unreachable_authority_adds_nothing(cli, log_dir: Path) -> None:
    result = cli(
        "incident", "add", "--url", "https://a.example/1", "--timestamp", "http://127.0.0.1:9/"
    )
    assert result.code == 3 and "try again later" in result.err
    assert not (log_dir / "log.jsonl").exists()
