"""kgbuild: a knowledge-graph builder for international election observation."""

from __future__ import annotations
