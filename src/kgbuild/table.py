"""Query results for notebooks: a list of row dicts that also knows its columns.

:class:`Table` *is* a ``list`` of ``dict`` rows, so code that iterates, indexes, compares or
JSON-encodes the rows of :meth:`kgbuild.KnowledgeGraph.query` works as before. On top of that it
keeps the query's column order, turns into a pandas or polars DataFrame (each imported only when
asked for: ``pip install 'kgbuild[pandas]'`` or ``'kgbuild[polars]'``) and shows itself in
Jupyter as an HTML table.

>>> t = Table([{"country": "AZ", "missions": 3}, {"country": "BY"}], columns=["country", "missions"])
>>> t[0]["missions"], len(t), t == [{"country": "AZ", "missions": 3}, {"country": "BY"}]
(3, 2, True)
>>> t.columns
['country', 'missions']
>>> "<td>AZ</td>" in t._repr_html_()
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from importlib import import_module
from typing import Any

from .errors import MissingDependency

__all__ = ["HTML_ROWS", "Table"]

#: rows shown by :meth:`Table._repr_html_` (the rest are counted, not shown)
HTML_ROWS = 50


def _optional(module: str, extra: str, what: str) -> Any:
    try:
        return import_module(module)
    except ImportError:
        raise MissingDependency(module, extra, what) from None


class Table(list[dict[str, Any]]):
    """Rows of plain Python values (dicts keyed by column), with their columns in query order.

    A column a row leaves unbound is absent from that row's dict (as in the rows a query returned
    before this class) and empty (``None``, a missing value) in a DataFrame.

    :param rows: the row dicts.
    :param columns: column names in order (default: the keys in order of first appearance).
    """

    columns: list[str]

    def __init__(self, rows: Iterable[dict[str, Any]] = (), columns: Sequence[str] | None = None) -> None:
        super().__init__(rows)
        if columns is None:
            seen: dict[str, None] = {}
            for row in self:
                seen.update(dict.fromkeys(row))
            columns = list(seen)
        self.columns = list(columns)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` with the table's columns in order and pandas' nullable dtypes
        (whole numbers stay integers when some rows have none).

        :raises MissingDependency: pandas is not installed (``pip install 'kgbuild[pandas]'``).

        >>> Table([{"n": 1}, {}], columns=["n"]).to_pandas()["n"].tolist()
        [1, <NA>]
        """
        pd = _optional("pandas", "pandas", "Table.to_pandas()")
        frame = pd.DataFrame.from_records(list(self), columns=self.columns)
        return frame.convert_dtypes()

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` with the table's columns in order (types inferred from all rows).

        :raises MissingDependency: polars is not installed (``pip install 'kgbuild[polars]'``).
        """
        pl = _optional("polars", "polars", "Table.to_polars()")
        return pl.from_dicts(list(self), schema=self.columns, infer_schema_length=None)

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter: the first :data:`HTML_ROWS` rows and the table's size."""
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in self.columns) + "</tr>"
            for row in self[:HTML_ROWS]
        )
        more = f", first {HTML_ROWS} shown" if len(self) > HTML_ROWS else ""
        return (f'<table class="kgbuild-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
                f"<p>{len(self)} rows × {len(self.columns)} columns{more}</p>")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return html.escape(str(value))
