"""Russian extraction (the ``ru`` extra): natasha's analysis as a spaCy ``Doc``
(:mod:`.nlp`), Russian mentions of countries, organizations, commissions, dates, numbers and
elections (:mod:`.gazetteer`, :mod:`.dates`, :mod:`.elections`), and extractor v2's candidates,
Tier-1 patterns (``patterns-ru.jsonl``) and a scorer trained on Russian gold
(``kgbuild/data/scorer-ru.json.gz``), all reused from :mod:`kgbuild.extract.learned`.
"""
