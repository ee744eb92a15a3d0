"""Connection limits for uvicorn: header and body deadlines, and a bound on open connections.

uvicorn's h11 protocol closes an idle keep-alive connection, but it has no deadline for a
request's headers or body, and it accepts any number of connections: 1,200 slowloris connections
(a byte of headers now and then) all stayed open, and a POST shorter than its Content-Length
waited forever. :func:`guarded_protocol` makes a subclass of uvicorn's h11 protocol that

- closes a connection whose request headers are not complete within ``header_timeout``
  seconds of the connection (or of the previous response), however slowly bytes trickle in;
- answers 408 and closes a connection whose request body is not complete within
  ``body_timeout`` seconds of its headers (the app applies the same deadline while it reads);
- answers 503 and closes a new connection beyond ``max_connections`` open ones, or beyond
  ``max_per_client`` from the same address.

:func:`uvicorn_config` puts it together with the keep-alive timeout for ``kgbuild serve``, and
with who may say which client a request comes from. uvicorn on its own believes the
``X-Forwarded-For`` header of any connection from loopback (its ``forwarded_allow_ips`` default),
so a local client could pick the address the worker pool's fair share counts it under. Here no
header is believed unless ``trusted_proxies`` names the proxy's addresses (``--trusted-proxy``):
then a request from one of them counts as the address its ``X-Forwarded-For`` gives (the
rightmost one that is not itself a trusted proxy, by uvicorn's ``ProxyHeadersMiddleware``).
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections import Counter
from collections.abc import Iterable
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import ParameterError

__all__ = ["check_proxies", "guarded_protocol", "uvicorn_config"]

_BUSY = (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nconnection: close\r\n"
         b"retry-after: 5\r\ncontent-length: %d\r\n\r\n%s")
_BUSY_BODY = (b'{"error": {"status": 503, "title": "Service Unavailable", '
              b'"detail": "too many open connections; retry later"}}')
_SLOW = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
         b"content-length: %d\r\n\r\n%s")


def guarded_protocol(*, header_timeout: float, body_timeout: float, max_connections: int,
                     max_per_client: int) -> type[H11Protocol]:
    """A subclass of uvicorn's ``H11Protocol`` with the deadlines and limits of the module."""
    per_address: Counter[str] = Counter()

    class GuardedH11Protocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None
        _phase = ""
        _address = ""

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._address = self.client[0] if self.client else ""
            per_address[self._address] += 1
            too_many = len(self.connections) > max_connections or (
                max_per_client and per_address[self._address] > max_per_client)
            if too_many:
                transport.write(_BUSY % (len(_BUSY_BODY), _BUSY_BODY))
                transport.close()
                return
            self._arm("headers")

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            if self._address is not None:
                per_address[self._address] -= 1
                if per_address[self._address] <= 0:
                    del per_address[self._address]
                self._address = None  # type: ignore[assignment]
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._follow()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm("headers")  # the next request's headers, if the client sends one
                self._follow()

        # -- the deadline of the current phase --------------------------------------------------
        def _follow(self) -> None:
            state = self.conn.their_state
            if state is h11.SEND_BODY and self._phase == "headers":
                self._arm("body")
            elif state not in (h11.IDLE, h11.SEND_BODY):
                self._disarm()  # the whole request is in: the app's own timeouts apply

        def _arm(self, phase: str) -> None:
            self._disarm()
            self._phase = phase
            limit = header_timeout if phase == "headers" else body_timeout
            self._deadline = self.loop.call_later(limit, self._expired)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            self._deadline, self._phase = None, ""

        def _expired(self) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            if self._phase == "body" and (self.cycle is None or not self.cycle.response_started):
                body = (b'{"error": {"status": 408, "title": "Request Timeout", '
                        b'"detail": "the request body did not arrive in time"}}')
                self.transport.write(_SLOW % (len(body), body))
            if self.cycle is not None:
                self.cycle.disconnected = True
                self.cycle.message_event.set()
            self.transport.close()

    return GuardedH11Protocol


def check_proxies(proxies: Iterable[str]) -> tuple[str, ...]:
    """``proxies`` as given, each checked to be an IP address or network (``10.0.0.0/8``).

    :raises ParameterError: one is neither (named in the message).
    """
    out = []
    for p in proxies:
        try:
            ipaddress.ip_network(p.strip(), strict=False)
        except ValueError:
            raise ParameterError("--trusted-proxy", p, "is not an IP address or network (such as 10.0.0.0/8)") from None
        out.append(p.strip())
    return tuple(out)


def uvicorn_config(app: Any, *, host: str, port: int, log_level: str = "info", header_timeout: float = 10.0,
                   body_timeout: float = 30.0, keep_alive: float = 5.0, max_connections: int = 256,
                   max_per_client: int = 32, trusted_proxies: Iterable[str] = ()) -> uvicorn.Config:
    """The uvicorn configuration of ``kgbuild serve``: h11 with :func:`guarded_protocol`.

    ``trusted_proxies``: the addresses or networks whose ``X-Forwarded-For`` names the client
    (none by default: every request is its peer's).
    """
    trusted = check_proxies(trusted_proxies)
    protocol = guarded_protocol(header_timeout=header_timeout, body_timeout=body_timeout,
                                max_connections=max_connections, max_per_client=max_per_client)
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, lifespan="on", http=protocol,
                          timeout_keep_alive=max(1, round(keep_alive)), backlog=max(128, max_connections),
                          proxy_headers=bool(trusted), forwarded_allow_ips=list(trusted))
