"""The labelled fixture set holds the aims of issue 17: precision ≥ 0.95 and recall ≥ 0.90 on figures
and on places (scripts/facts_accuracy.py prints the same figures per kind)."""

from __future__ import annotations

from labelled import LABELLED

from warreader.facts.accuracy import score


def test_the_labelled_set_covers_every_kind():
    kinds = {figure[0] for _text, figures, _places in LABELLED for figure in figures}
    from warreader.facts.model import KINDS

    assert kinds == set(KINDS)


def test_precision_and_recall(extractor):
    report = score(extractor, LABELLED)
    for name, s in (("figures", report.figures), ("places", report.places)):
        assert s.precision >= 0.95, (name, s, report.misses)
        assert s.recall >= 0.90, (name, s, report.misses)


def test_every_quote_is_the_text_between_its_offsets(extractor):
    for text, _figures, _places in LABELLED:
        facts = extractor.extract(text)
        for fact in (*facts.figures, *facts.places, *facts.people):
            assert text[fact.start : fact.end] == fact.quote
