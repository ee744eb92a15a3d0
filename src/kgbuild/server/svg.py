"""A deterministic radial picture of a node's neighbourhood, as SVG (no JavaScript).

The centre node sits in the middle; its neighbours lie on a ring, grouped by property and sorted
by label, so the same graph always gives the same picture; a neighbour's own neighbours (the
second ring) sit just outside it, fanned around its angle.

>>> svg = radial_svg(Node("m", "Mission", "mission"), [Edge("m", "organizer", Node("o", "OSCE", "organization"))])
>>> svg.startswith("<svg") and "OSCE" in svg
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Edge", "Node", "bar_chart_svg", "radial_svg", "safe_href"]

#: Fill colours by node kind (Okabe–Ito palette, readable by colour-blind people).
COLOURS = {
    "mission": "#E69F00",
    "organization": "#56B4E9",
    "country": "#009E73",
    "election": "#F0E442",
    "person": "#CC79A7",
    "commission": "#0072B2",
    "count": "#D55E00",
    "article": "#999999",
    "other": "#BBBBBB",
}


def safe_href(url: Any, *, local: bool = False) -> str | None:
    """``url`` if it is an absolute ``http(s):`` URL with a host (or, with ``local``, a path on this
    server), else None: nothing else (``javascript:``, ``data:``, ...) becomes a link.

    >>> safe_href("https://example.org/a?b=1"), safe_href("javascript:alert(1)//"), safe_href(" JaVaScRiPt:x")
    ('https://example.org/a?b=1', None, None)
    """
    if not isinstance(url, str) or not url or any(ord(c) < 0x21 or c == "\\" for c in url):
        return None
    if local and url.startswith("/") and not url.startswith("//"):
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


#: a white outline under text, so labels stay readable where they cross edges
_HALO = ' paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"'


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str = "other"
    href: str | None = None


@dataclass(frozen=True)
class Edge:
    """``parent`` --label--> ``node`` (``parent`` is the centre id for the first ring)."""

    parent: str
    label: str
    node: Node
    incoming: bool = False


def _short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def radial_svg(centre: Node, edges: list[Edge], *, width: int = 900, height: int = 720,
               max_ring: int = 36) -> str:
    """An SVG document: ``centre`` in the middle, first-ring edges (parent == centre.id) on a
    circle, second-ring edges outside their parent. At most ``max_ring`` first-ring nodes are
    drawn; the rest are summarised in a note."""
    cx, cy = width / 2, height / 2
    r1, r2 = min(width, height) * 0.30, min(width, height) * 0.44
    first: list[Edge] = []
    seen: set[str] = set()
    for e in sorted((e for e in edges if e.parent == centre.id), key=lambda e: (e.label, e.node.label, e.node.id)):
        if e.node.id not in seen and e.node.id != centre.id:
            seen.add(e.node.id)
            first.append(e)
    hidden = max(0, len(first) - max_ring)
    first = first[:max_ring]
    pos: dict[str, tuple[float, float, float]] = {centre.id: (cx, cy, 0.0)}
    n = max(1, len(first))
    for i, e in enumerate(first):
        a = -math.pi / 2 + 2 * math.pi * i / n
        pos[e.node.id] = (cx + r1 * math.cos(a), cy + r1 * math.sin(a), a)
    second: dict[str, list[Edge]] = {}
    for e in sorted((e for e in edges if e.parent != centre.id and e.parent in pos),
                    key=lambda e: (e.parent, e.label, e.node.label, e.node.id)):
        if e.node.id not in pos:
            second.setdefault(e.parent, []).append(e)
    placed2: list[tuple[Edge, float, float, float]] = []
    spread = 2 * math.pi / n * 0.8
    for parent, kids in second.items():
        _, _, pa = pos[parent]
        for j, e in enumerate(kids[:4]):
            k = len(kids[:4])
            a = pa + (j - (k - 1) / 2) * (spread / max(k, 1))
            x, y = cx + r2 * math.cos(a), cy + r2 * math.sin(a)
            if e.node.id not in pos:
                pos[e.node.id] = (x, y, a)
                placed2.append((e, x, y, a))

    role = "group" if any(e.node.href for e in edges) else "img"  # an image holds no links
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="{role}" aria-label="{escape(_short(centre.label, 80))} and its neighbours" font-family="sans-serif">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>',
    ]
    lines, nodes = [], []
    parents = {e.parent for e, *_ in placed2}
    previous = None
    for e in first:
        x, y, a = pos[e.node.id]
        x1, y1, x2, y2 = (x, y, cx, cy) if e.incoming else (cx, cy, x, y)
        # neighbours sit grouped by property: only the first edge of a group says which, so
        # edge labels do not pile up around the centre
        lines.append(_edge(x1, y1, x2, y2, e.label if e.label != previous else ""))
        previous = e.label
        # a node with an outer ring gets its label above or below, clear of its children
        nodes.append(_node(e.node, x, y, a, 9, beside=e.node.id not in parents))
    for e, x, y, a in placed2:
        px, py, _ = pos[e.parent]
        lines.append(_edge(px, py, x, y, e.label))
        nodes.append(_node(e.node, x, y, a, 6))
    out += lines + nodes
    out.append(_node(centre, cx, cy, None, 16))
    if hidden:
        out.append(f'<text x="10" y="{height - 10}" font-size="12" fill="#555">{hidden} more neighbours not drawn</text>')
    out.append(_legend({e.node.kind for e in first} | {centre.kind} | {e.node.kind for e, *_ in placed2}))
    out.append("</svg>")
    return "\n".join(out)


def _edge(x1: float, y1: float, x2: float, y2: float, label: str) -> str:
    d = math.hypot(x2 - x1, y2 - y1) or 1
    # stop short of the target node's circle so the arrow head shows
    ex, ey = x2 - (x2 - x1) * 12 / d, y2 - (y2 - y1) * 12 / d
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    return (
        f'<g class="edge"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke="#999" '
        f'stroke-width="1" marker-end="url(#arrow)"/>'
        + (f'<text x="{mx:.1f}" y="{my:.1f}" font-size="12" fill="#444" text-anchor="middle"{_HALO}>{escape(label)}</text>'
           if label else "")
        + "</g>"
    )


def _node(n: Node, x: float, y: float, angle: float | None, r: int, *, beside: bool = True) -> str:
    fill = COLOURS.get(n.kind, COLOURS["other"])
    if angle is None:
        tx, ty, anchor = x, y + r + 16, "middle"
    elif not beside:
        tx, anchor = x, "middle"
        ty = y + (r + 14 if math.sin(angle) >= 0 else -r - 6)
    else:
        c = math.cos(angle)
        anchor = "start" if c > 0.3 else ("end" if c < -0.3 else "middle")
        tx = x + (r + 4) * (1 if anchor == "start" else -1 if anchor == "end" else 0)
        ty = y + (4 if anchor != "middle" else (r + 14 if math.sin(angle) > 0 else -r - 6))
    body = (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{fill}" stroke="#333" stroke-width="1"/>'
        f'<text x="{tx:.1f}" y="{ty:.1f}" font-size="{16 if angle is None else 14}" text-anchor="{anchor}" '
        f'fill="#222"{_HALO}>{escape(_short(n.label, 60 if angle is None else 30))}</text>'
        f"<title>{escape(n.label)} ({escape(n.kind)}) {escape(n.id)}</title>"
    )
    href = safe_href(n.href, local=True)
    if href:
        body = f'<a href="{escape(href)}">{body}</a>'
    return f'<g class="node {escape(n.kind)}">{body}</g>'


def _legend(kinds: set[str]) -> str:
    parts = ['<g class="legend" font-size="11">']
    for i, k in enumerate(k for k in COLOURS if k in kinds):
        y = 16 + i * 16
        parts.append(f'<circle cx="14" cy="{y}" r="5" fill="{COLOURS[k]}" stroke="#333"/>'
                     f'<text x="24" y="{y + 4}" fill="#333">{k}</text>')
    parts.append("</g>")
    return "".join(parts)


def bar_chart_svg(title: str, bars: list[tuple[str, int]], *, width: int = 640, height: int = 220,
                  colour: str = "#0072B2", href: str | None = None) -> str:
    """A bar chart as SVG: one bar per ``(label, value)`` in the given order, the value above it.

    ``href`` (with ``{label}`` in it) makes each bar a link, e.g. ``/missions?year={label}``.

    >>> svg = bar_chart_svg("Missions per year", [("2019", 3), ("2020", 5)])
    >>> svg.count('class="bar"'), "2020: 5" in svg
    (2, True)
    """
    top, bottom, left = 40, 34, 8
    plot_h = height - top - bottom
    n = max(1, len(bars))
    slot = (width - 2 * left) / n
    peak = max((v for _, v in bars), default=0) or 1
    every = max(1, math.ceil(n / 16))  # at most ~16 axis labels
    role = "group" if href else "img"  # an image holds no links
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="{role}" aria-label="{escape(title)}" font-family="sans-serif">',
        f'<text x="{left}" y="16" font-size="13" font-weight="bold" fill="#222">{escape(title)}</text>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - left}" y2="{top + plot_h}" stroke="#555"/>',
    ]
    for i, (label, value) in enumerate(bars):
        h = plot_h * value / peak
        x = left + i * slot + slot * 0.12
        w = max(1.0, slot * 0.76)
        y = top + plot_h - h
        bar = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{colour}">'
               f"<title>{escape(label)}: {value:,}</title></rect>")
        if slot >= 22:
            bar += (f'<text x="{x + w / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle" '
                    f'fill="#222">{value:,}</text>')
        if i % every == 0:
            bar += (f'<text x="{x + w / 2:.1f}" y="{top + plot_h + 14}" font-size="10" text-anchor="middle" '
                    f'fill="#222">{escape(label)}</text>')
        link = safe_href(href.replace("{label}", label), local=True) if href else None
        if link:
            bar = f'<a href="{escape(link)}">{bar}</a>'
        out.append(f'<g class="bar">{bar}</g>')
    out.append("</svg>")
    return "\n".join(out)
