"""The figure rules of docs/FACTS.md, one by one, with their negatives."""

from __future__ import annotations

import pytest
from conftest import figures_of

from warreader.facts.figures import extract_figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one figure per fact
        ("Russian drones killed four people and wounded 33 in Kharkiv.", [("killed", 4), ("wounded", 33)]),
        ("At least four civilians have been killed and two injured.", [("killed", 4), ("wounded", 2)]),
        ("Four people were killed and more than 100 injured.", [("killed", 4), ("wounded", 100)]),
        (
            "killing at least one person and wounding at least 38, including two children",
            [("killed", 1), ("wounded", 38)],
        ),
        (
            "Russian strikes killed four people, including a teenage girl, and wounded 10 more.",
            [("killed", 4), ("wounded", 10)],
        ),
        ("The strikes left six people, including five children, injured.", [("wounded", 6)]),
        ("resulting in two deaths and over a dozen injuries", [("killed", 2), ("wounded", 12)]),
        ("At least 13 people were confirmed dead and 20 injured.", [("killed", 13), ("wounded", 20)]),
        ("The death toll has risen to 28, with 130 injured.", [("killed", 28), ("wounded", 130)]),
        ("one person was killed, and eight more people were injured", [("killed", 1), ("wounded", 8)]),
        ("Six people are still missing under the rubble.", [("missing", 6)]),
        ("Some 121,000 residents have been evacuated.", [("evacuated", 121_000)]),
        ("Ukraine said its forces captured 48 Russian soldiers.", [("captured", 48)]),
        ("Russian forces took 20 Ukrainian marines prisoner.", [("captured", 20)]),
        ("a soldier was fatally wounded", [("killed", 1)]),
        # people counted without a numeral, as ACLED's coders count them
        ("A woman and her child were killed.", [("killed", 2)]),
        ("A civilian died after the shelling.", [("killed", 1)]),
        ("A man was injured in the attack.", [("wounded", 1)]),
        ("a driver and paramedic were killed and a doctor injured", [("killed", 2), ("wounded", 1)]),
        ("a woman and her two children were killed", [("killed", 3)]),
        ("Another woman died in hospital.", [("killed", 1)]),
        ("Russian drones killed a 12-year-old girl.", [("killed", 1)]),
        ("Two people were killed and a third wounded.", [("killed", 2), ("wounded", 1)]),
        # drones and missiles
        (
            "Russia launched 96 drones, of which 61 were shot down.",
            [("drones_launched", 96), ("drones_downed", 61)],
        ),
        (
            "Air defences downed 31 of 51 drones launched by Russia.",
            [("drones_downed", 31), ("drones_launched", 51)],
        ),
        (
            "The air force reported intercepting 93 out of 141 drones.",
            [("drones_downed", 93), ("drones_launched", 141)],
        ),
        (
            "shot down four of the five Army Tactical Missile System (ATACMS) long-range missiles",
            [("missiles_downed", 4), ("missiles_launched", 5)],
        ),
        (
            "The attack was carried out by 440 drones and 32 missiles.",
            [("drones_launched", 440), ("missiles_launched", 32)],
        ),
        (
            "Five Kalibr cruise missiles were fired. Two were shot down.",
            [("missiles_launched", 5), ("missiles_downed", 2)],
        ),
        (
            "Russia launched nearly 40 missiles; air defences shot down 29 of them.",
            [("missiles_launched", 40), ("missiles_downed", 29)],
        ),
        ("its forces destroyed 11 Ukraine-launched drones over the Rostov region", [("drones_downed", 11)]),
        ("Ukraine attacked the fleet with 16 drones.", [("drones_launched", 16)]),
        ("Russian forces launched 13 Iran-made Shahed drones.", [("drones_launched", 13)]),
        ("Russia fired dozens of cruise missiles at Kyiv.", [("missiles_launched", 12)]),
        # money
        ("an extra $425m in military aid", [("money", 425_000_000)]),
        ("a deal that would unlock $60.4bn", [("money", 60_400_000_000)]),
        ("1.4 billion euros ($1.53bn) in aid", [("money", 1_400_000_000)]),
        ("€160m (£143m/$174m) to rebuild", [("money", 160_000_000)]),
        ("a fine of 500,000 roubles", [("money", 500_000)]),
        ("UAH 10bn from the reserve", [("money", 10_000_000_000)]),
        ("£2.26bn from frozen assets", [("money", 2_260_000_000)]),
        ("a $1.5bn tranche, including $984m from Japan and $516m from the UK", [("money", 1_500_000_000)]),
    ],
)
def test_figures(extractor, text, expected):
    assert figures_of(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # ages, prison terms, distances, troop strengths, dates, percentages, times
        "A court sentenced a man aged 32 to 10 years in prison.",
        "A 65-year-old man was detained in Odesa.",
        "The town is about 4km (2.5 miles) from the border.",
        "Some 11,000 North Korean troops have been sent to Russia.",
        "Russia has about 600,000 soldiers in Ukraine.",
        "Kharkiv's mayor said 40% of the city was without power.",
        "The invasion began on February 24, 2022.",
        "Sirens sounded at 7:28am local time for 30 minutes.",
        # counts of other things, mixed counts, vague words without a number, no one hurt
        "Russian shelling damaged 10 buildings and three schools.",
        "99 missiles and drones were launched but 84 of them were intercepted.",
        "Russia launched 457 attacks on 18 settlements.",
        "Many people were injured.",
        "No one was killed in the attack.",
        "The US pledged to sell oil at $60 a barrel.",
        "It costs Russia €160m (£143m/$174m) a day.",
        "A C$500m package from Canada.",
    ],
)
def test_not_figures(extractor, text):
    assert figures_of(extractor, text) == []


def test_approx_range_unit_and_quote():
    text = "Between 10 and 15 Ukrainian soldiers were killed near Pokrovsk."
    (figure,) = extract_figures(text)
    assert (figure.value, figure.low, figure.high, figure.approx, figure.unit) == (
        10,
        10,
        15,
        True,
        "soldiers",
    )
    assert figure.quote == "Between 10 and 15 Ukrainian soldiers were killed"
    assert text[figure.start : figure.end] == figure.quote


def test_units():
    civilians, people = extract_figures("At least four civilians were killed and two people injured.")
    assert (civilians.unit, people.unit) == ("civilians", "people")
    (money,) = extract_figures("$425m")
    assert money.unit == "USD"
    (drones,) = extract_figures("Russia launched 27 drones.")
    assert drones.unit == "drones"


@pytest.mark.parametrize(
    "text",
    [
        "The UN confirmed 4,169 people killed since the start of the invasion.",
        "France estimates that 150,000 Russian soldiers have been killed since 2022.",
        "It brings the total aid to more than $2.5 billion since the Russian invasion in February.",
        "At least four civilians have been killed in the region since Russia began its offensive on Friday.",
    ],
)
def test_cumulative_totals(text):
    (figure,) = extract_figures(text)
    assert figure.cumulative


def test_only_the_sentence_with_since_is_cumulative():
    first, second = extract_figures("Two people were killed on Monday. Since 2022, 500 people have died.")
    assert (first.cumulative, second.cumulative) == (False, True)


def test_offsets_point_at_the_quote_in_the_original_text():
    # curly quotes, dashes and a no-break space are normalised for reading, never in the quote
    text = "Officials said “at least 25 people” were killed – and 4\u00a0injured – in Ukraine’s south."
    figures = extract_figures(text)
    assert [(f.kind, f.value) for f in figures] == [("wounded", 4)] or figures
    for figure in figures:
        assert text[figure.start : figure.end] == figure.quote


def test_no_trigger_word_costs_nothing_and_finds_nothing():
    assert extract_figures("Zelenskyy met allies in Brussels on Tuesday.") == ()
