"""``kgbuild serve``: a read-only SPARQL endpoint and browser UI over the graph.

>>> from kgbuild.server import ServerConfig
>>> ServerConfig(store="kgbuild-store").timeout
10.0
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .app import TRUNCATED_HEADER, ServerConfig, create_app

__all__ = ["TRUNCATED_HEADER", "ServerConfig", "create_app", "serve"]


def serve(config: ServerConfig, *, host: str = "127.0.0.1", port: int = 7878, log_level: str = "info") -> None:
    """Run the server until interrupted (binds to loopback unless ``host`` says otherwise).

    :raises StoreError: there is no store at ``config.store``.
    """
    import uvicorn

    if not Path(config.store).is_dir() or not (Path(config.store) / "CURRENT").exists():
        raise StoreError("no store here; build one first with `kgbuild build`", path=config.store)
    uvicorn.run(create_app(config), host=host, port=port, log_level=log_level, lifespan="on")
