"""Reliability: a real ``helpcentre collector`` process under load, and killed with SIGKILL.

The client is a small HTTP/1.1 keep-alive client over asyncio streams: on a 2-core machine httpx's
connection pool costs more CPU per request than the collector itself and would slow the test down.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import free_port
from helpcentre.collector.storage import open_store

pytestmark = pytest.mark.slow

PAGES = [f"section-{i // 10}/article-{i}" for i in range(200)]


@pytest.fixture
def load_site(tmp_path) -> Path:
    from helpcentre.feedback.manifest import write_manifest

    site = tmp_path / "site"
    site.mkdir()
    write_manifest(site, {"en": PAGES, "fr": PAGES})
    return site


def start_collector(url: str, site: Path, port: int) -> subprocess.Popen[bytes]:
    """Start the collector process and wait until it answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "helpcentre.cli", "collector", "--db", url, "--site", str(site)]
        + ["--port", str(port), "--rate-limit", "1000000/second", "--vote-limit", "1000000"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while True:
        if process.poll() is not None:
            error = process.stderr.read().decode()
            process.stderr.close()
            pytest.fail(f"collector exited with {process.returncode}: {error}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health").status_code == 200:
                return process
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            stop(process, signal.SIGKILL)
            pytest.fail("collector did not start within 20 s")
        time.sleep(0.05)


def stop(process: subprocess.Popen[bytes], how: signal.Signals = signal.SIGTERM) -> None:
    process.send_signal(how)
    process.wait(20)
    process.stderr.close()


def vote_request(number: int) -> bytes:
    body = json.dumps(
        {
            "locale": "en" if number % 2 else "fr",
            "page": PAGES[number % len(PAGES)],
            "helpful": number % 3 != 0,
            "comment": f"vote {number}",
        }
    ).encode()
    # One user agent per vote: distinct readers, so no vote replaces another and counts are exact.
    head = (
        f"POST /api/v1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: load-{number}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def post_votes(port: int, numbers, clients: int, acknowledged: list[int]) -> list[int]:
    """Post the votes ``numbers`` from ``clients`` connections; return the other statuses seen."""
    unexpected: list[int] = []

    async def client() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for number in numbers:
                writer.write(vote_request(number))
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                await reader.readexactly(length)
                # Only a complete 202 counts as an acknowledgement.
                if status == 202:
                    acknowledged.append(number)
                else:
                    unexpected.append(status)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the server was killed; this vote was not acknowledged
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except ConnectionError:
                pass

    await asyncio.gather(*(client() for _ in range(clients)))
    return unexpected


def stored_comments(url: str) -> set[str]:
    with open_store(url) as store:
        return {vote.comment for vote in store.fetch_votes("1970-01-01")}


def test_fifty_clients_twenty_thousand_votes_none_lost(tmp_path, load_site):
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    port = free_port()
    process = start_collector(url, load_site, port)
    acknowledged: list[int] = []
    try:
        unexpected = asyncio.run(post_votes(port, iter(range(20_000)), 50, acknowledged))
    finally:
        stop(process)
    assert unexpected == []
    assert len(acknowledged) == 20_000
    with open_store(url) as store:
        votes = store.fetch_votes("1970-01-01")
    assert len(votes) == 20_000
    assert {vote.comment for vote in votes} == {f"vote {n}" for n in range(20_000)}
    assert sum(vote.helpful for vote in votes) == sum(1 for n in range(20_000) if n % 3 != 0)


def test_sigkill_mid_load_keeps_every_acknowledged_vote(tmp_path, load_site):
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    port = free_port()
    process = start_collector(url, load_site, port)
    acknowledged: list[int] = []

    async def load_then_kill() -> None:
        loading = asyncio.ensure_future(post_votes(port, iter(range(1_000_000)), 20, acknowledged))
        while len(acknowledged) < 2_000 and not loading.done():
            await asyncio.sleep(0.01)
        # Kill while requests are in flight and batches are being committed.
        os.kill(process.pid, signal.SIGKILL)
        await asyncio.wait_for(loading, 30)

    try:
        asyncio.run(load_then_kill())
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(20)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert len(acknowledged) >= 2_000

    # Restarted on the same database: everything acknowledged is there, and it takes votes again.
    port = free_port()
    process = start_collector(url, load_site, port)
    try:
        after = httpx.post(
            f"http://127.0.0.1:{port}/api/v1/votes",
            json={"locale": "fr", "page": PAGES[0], "helpful": True, "comment": "after restart"},
        )
        assert after.status_code == 202
    finally:
        stop(process)
    stored = stored_comments(url)
    missing = {f"vote {n}" for n in acknowledged} - stored
    assert missing == set(), f"{len(missing)} acknowledged votes lost"
    assert "after restart" in stored
