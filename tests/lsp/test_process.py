"""The server process: the exit codes its help promises, and no traceback whatever the
editor does."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SERVER = [sys.executable, "-m", "deancli", "lsp"]


def _frame(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return f"Content-Length: {len(body)}\r\n\r\n".encode() + body


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
INITIALIZED = {"jsonrpc": "2.0", "method": "initialized", "params": {}}
SHUTDOWN = {"jsonrpc": "2.0", "id": 2, "method": "shutdown"}
EXIT = {"jsonrpc": "2.0", "method": "exit"}


@pytest.mark.parametrize(
    ("messages", "code"),
    [
        ([INITIALIZE, INITIALIZED, SHUTDOWN, EXIT], 0),
        ([INITIALIZE, INITIALIZED, EXIT], 1),
        ([INITIALIZE, INITIALIZED], 1),  # the editor went away: standard input closed
    ],
    ids=["shutdown-then-exit", "exit-without-shutdown", "end-of-input"],
)
def test_exit_codes(messages, code):
    command = [*SERVER, "--stdio"] if code == 0 else SERVER  # the flag VS Code's client adds
    proc = subprocess.run(
        command,
        input=b"".join(map(_frame, messages)),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == code, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    assert b'"serverInfo": {"name": "dean"' in proc.stdout
    if code == 0:
        assert b'{"id": 2, "jsonrpc": "2.0", "result": null}' in proc.stdout


def test_garbage_on_standard_input_is_no_crash():
    data = b"Content-Length: 5\r\n\r\n{oops" + _frame(INITIALIZE) + _frame(SHUTDOWN) + _frame(EXIT)
    proc = subprocess.run(SERVER, input=data, capture_output=True, timeout=60, check=False)
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr.decode()
