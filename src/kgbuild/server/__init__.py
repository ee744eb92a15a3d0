"""``kgbuild serve``: a read-only SPARQL endpoint and browser UI over the graph.

>>> from kgbuild.server import ServerConfig
>>> ServerConfig(store="kgbuild-store").timeout
10.0
"""

from __future__ import annotations

from pathlib import Path

import uvicorn

from ..errors import StoreError
from .app import TRUNCATED_HEADER, ServerConfig, create_app
from .connections import check_proxies, uvicorn_config

__all__ = ["TRUNCATED_HEADER", "ServerConfig", "check_proxies", "create_app", "serve", "server_config"]


def server_config(config: ServerConfig, *, host: str = "127.0.0.1", port: int = 7878,
                  log_level: str = "info") -> uvicorn.Config:
    """The uvicorn configuration that serves ``config``: its app, deadlines and connection limits."""
    return uvicorn_config(create_app(config), host=host, port=port, log_level=log_level,
                          header_timeout=config.header_timeout, body_timeout=config.body_timeout,
                          keep_alive=config.keep_alive, max_connections=config.max_connections,
                          max_per_client=config.max_connections_per_client,
                          trusted_proxies=config.trusted_proxies)


def serve(config: ServerConfig, *, host: str = "127.0.0.1", port: int = 7878, log_level: str = "info") -> None:
    """Run the server until interrupted (binds to loopback unless ``host`` says otherwise).

    :raises StoreError: there is no store at ``config.store``.
    """
    if not Path(config.store).is_dir() or not (Path(config.store) / "CURRENT").exists():
        raise StoreError("no store here; build one first with `kgbuild build`", path=config.store)
    uvicorn.Server(server_config(config, host=host, port=port, log_level=log_level)).run()
