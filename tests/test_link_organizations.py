"""Tests of kgbuild.link.organizations: catalogue reading and the verified Wikidata ids."""

from __future__ import annotations

import re

from kgbuild.link.organizations import (
    NOT_APPLIED,
    SOURCES,
    VERIFIED,
    CatalogueEntry,
    catalogue,
    organization_links,
    verification_report,
)


def test_link_organizations_verified_table_is_well_formed():
    """Every verified id is a Q-id, distinct, and names only known sources."""
    qids = [v.wikidata for v in VERIFIED.values()]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert len(set(qids)) == len(qids)
    assert all(v.sources and set(v.sources) <= set(SOURCES) for v in VERIFIED.values())
    assert not set(NOT_APPLIED) & set(VERIFIED)


def test_link_organizations_catalogue_keys_cover_verified():
    """Every verified key names a catalogue organization, with the same name."""
    entries = {e.key: e for e in catalogue()}
    assert entries, "the organizations catalogue is empty"
    for key, verified in VERIFIED.items():
        assert key in entries, key
        assert entries[key].name == verified.name, key


def test_link_organizations_catalogue_never_contradicts_verified():
    """No catalogue id disagrees with a verified one, and none is unverified."""
    statuses = {s.key: s.status for s in verification_report()}
    assert not [k for k, s in statuses.items() if s in ("conflict", "unverified")]


def test_link_organizations_links_prefer_verified_and_refuse_conflicts():
    """Verified ids are linked even if the catalogue lacks them; a disagreeing catalogue id is not linked."""
    entries = [
        CatalogueEntry("osce", "Organization for Security and Co-operation in Europe", None),
        CatalogueEntry("cis", "Commonwealth of Independent States", "Q1"),
        CatalogueEntry("odihr", "OSCE Office for Democratic Institutions and Human Rights", None),
        CatalogueEntry("new-org", "Some New Organization", "Q123"),
    ]
    assert organization_links(entries=entries) == [
        ("Organization for Security and Co-operation in Europe", "Q81299"),
        ("Commonwealth of Independent States", None),
        ("OSCE Office for Democratic Institutions and Human Rights", None),
        ("Some New Organization", None),
    ]
    assert [q for _, q in organization_links(verified_only=False, entries=entries)] == [
        "Q81299",
        "Q1",
        None,
        "Q123",
    ]
    assert [s.status for s in verification_report(entries)] == [
        "missing-in-catalogue",
        "conflict",
        "none",
        "unverified",
    ]


def test_link_organizations_catalogue_is_the_catalog_packages():
    """catalogue() lists every organization of kgbuild.catalog, with its key, name, id and kind."""
    from kgbuild.catalog import organizations
    from kgbuild.link import organizations as mod

    entries = mod.catalogue()
    assert [(e.key, e.name, e.wikidata, e.kind) for e in entries] == [
        (o.key, o.name, o.wikidata, o.kind) for o in organizations()
    ]
    assert CatalogueEntry("cis", "Commonwealth of Independent States", "Q7779", "igo") in entries
