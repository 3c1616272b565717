"""Real servers on free loopback ports, for the tests that need real HTTP (a browser, raw sockets):
uvicorn in a thread run as `marsad serve` runs it, or `marsad serve` itself as a child process."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Http:
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, path: str, **params: object) -> dict:
        r = httpx.get(self.url + path, params=params)  # type: ignore[arg-type]
        r.raise_for_status()
        return r.json()


class Server(_Http):
    """uvicorn in a thread, on a free loopback port, with the options `marsad serve` gives it."""

    def __init__(self, db: Path, **app_options: Any) -> None:
        import uvicorn

        from marsad.cli_serve import uvicorn_options
        from marsad.web import create_app

        self.port = free_port()
        config = uvicorn.Config(create_app(db, **app_options), host="127.0.0.1", port=self.port,
                                **uvicorn_options())
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


class ServeProcess(_Http):
    """`marsad serve --db DB --port PORT ARGS...` as a child process: the command line, end to end."""

    def __init__(self, db: Path, *args: str) -> None:
        self.port = free_port()
        self.log = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would stall the server
        self.proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(db),
                                      "--port", str(self.port), *args], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.stop()
                    raise RuntimeError(f"marsad serve did not start: {self.output()}") from None
                time.sleep(0.1)

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
