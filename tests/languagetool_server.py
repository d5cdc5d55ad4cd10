"""A small HTTP server on 127.0.0.1 that answers like LanguageTool, from recorded matches.

It serves /v2/languages and /v2/check in LanguageTool's documented JSON format;
`behaviour` makes it slow, fail with 500, or answer with broken JSON.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

DATA = Path(__file__).parent / "data" / "languagetool"
RECORDED = json.loads((DATA / "matches.json").read_text(encoding="utf-8"))
LANGUAGES = (DATA / "languages.json").read_bytes()


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def check_response(text: str, disabled: set[str]) -> dict:
    """What LanguageTool would answer for `text`: every recorded error where it occurs."""
    matches = []
    for recorded in RECORDED["matches"]:
        if recorded["rule"]["id"] in disabled:
            continue
        start = text.find(recorded["error"])
        while start >= 0:
            offset, length = utf16_len(text[:start]), utf16_len(recorded["error"])
            sentence_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
            sentence_end = min(
                e for e in (text.find(". ", start), text.find("\n", start), len(text)) if e >= 0
            )
            context = text[max(0, start - 40) : start + len(recorded["error"]) + 40]
            context_offset = utf16_len(text[max(0, start - 40) : start])
            match = {k: v for k, v in recorded.items() if k != "error"}
            match.update(
                offset=offset,
                length=length,
                context={"text": context, "offset": context_offset, "length": length},
                sentence=text[sentence_start : sentence_end + 1],
                ignoreForIncompleteSentence=False,
                contextForSureMatch=0,
            )
            matches.append(match)
            start = text.find(recorded["error"], start + 1)
    matches.sort(key=lambda m: m["offset"])
    return {
        "software": RECORDED["software"],
        "warnings": {"incompleteResults": False},
        "language": {
            "name": "English (US)",
            "code": "en-US",
            "detectedLanguage": {
                "name": "English (US)",
                "code": "en-US",
                "confidence": 0.99,
                "source": "+fallback",
            },
        },
        "matches": matches,
        "sentenceRanges": [[0, utf16_len(text)]],
        "extendedSentenceRanges": [],
    }


@dataclass
class ServerLog:
    texts: list[str] = field(default_factory=list)  # every text sent to /v2/check
    params: list[dict[str, str]] = field(default_factory=list)
    behaviour: str = "normal"  # "normal", "slow", "error", "malformed"
    delay: float = 3.0


def start(log: ServerLog) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet in test output
            pass

        def _reply(self, status: int, body: bytes, kind: str = "application/json") -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the "slow" behaviour)

        def do_GET(self) -> None:
            if self.path.startswith("/v2/languages"):
                self._reply(200, LANGUAGES)
            else:
                self._reply(404, b"Not found")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
            if not self.path.startswith("/v2/check"):
                self._reply(404, b"Not found")
                return
            log.texts.append(form.get("text", ""))
            log.params.append(form)
            if log.behaviour == "slow":
                time.sleep(log.delay)
            if log.behaviour == "error":
                self._reply(500, b"Error: Internal Server Error", "text/plain")
                return
            if log.behaviour == "malformed":
                self._reply(200, b'{"software": {"name": "LanguageTool"}, "matches": [{"offset": ')
                return
            disabled = set(filter(None, form.get("disabledRules", "").split(",")))
            body = json.dumps(check_response(form.get("text", ""), disabled)).encode("utf-8")
            self._reply(200, body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    # A short poll: shutdown() waits up to one poll interval (0.5 s by default) in every teardown.
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    """`python tests/languagetool_server.py`: print the URL, serve until stdin closes (smoke_test.sh)."""
    import sys

    server, url = start(ServerLog())
    print(url, flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
