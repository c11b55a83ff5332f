"""Places and people (docs/FACTS.md "Places", "People"): the alias table, the ambiguity rule, regions,
localities, the user's own tables in the config folder."""

from __future__ import annotations

import pytest
from conftest import places_of

from warreader.facts.extractor import Extractor
from warreader.facts.gazetteer import load_gazetteer, user_places_path
from warreader.facts.people import load_people, user_people_path
from warreader.resources import data_dir


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the war's spellings, from the project's alias table
        ("Explosions in Kiev and Kharkov.", ["Kyiv", "Kharkiv"]),
        ("Shelling of Zaporozhye and Kupyansk.", ["Zaporizhzhia", "Kupiansk"]),
        ("Russian troops entered Avdeyevka.", ["Avdiivka"]),
        ("Fighting near Konstantinovka and Slavyansk.", ["Kostiantynivka", "Sloviansk"]),
        # regions: "X region", lists of regions, "the region of X", "X Governor"
        ("Strikes hit the Donetsk region.", ["Donetsk Oblast"]),
        ("Drones hit the Kharkiv and Dnipro regions.", ["Kharkiv Oblast", "Dnipropetrovsk Oblast"]),
        ("Drones hit the southern Ukrainian region of Odesa.", ["Odesa Oblast"]),
        ("Kherson Governor Oleksandr Prokudin said.", ["Kherson Oblast"]),
        ("the Luhansk governor said", ["Luhansk Oblast"]),
        (
            "Refineries in Russia's Rostov and Ryazan regions burned.",
            ["Russia", "Rostov Oblast", "Ryazan Oblast"],
        ),
        # names that mean the region alone
        ("Crimea and the Dnipropetrovsk area", ["Crimea", "Dnipropetrovsk Oblast"]),
        # settlements, possessives, cities sharing a name with their region
        ("Kyiv's mayor and Donetsk city", ["Kyiv", "Donetsk"]),
        ("a strike on Kryvyi Rih and Chasiv Yar", ["Kryvyi Rih", "Chasiv Yar"]),
        ("Russian border towns Sudzha and Belgorod", ["Sudzha", "Belgorod"]),
        # neighbouring countries
        ("Poland, Belarus and Moldova", ["Poland", "Belarus", "Moldova"]),
    ],
)
def test_places(extractor, text, expected):
    assert places_of(extractor, text) == expected


def test_a_place_has_its_region_country_and_coordinates(extractor):
    (mention,) = extractor.extract("Fighting around Pokrovsk.").places
    place = mention.place
    assert (place.name, place.admin1, place.country, place.level) == (
        "Pokrovsk",
        "Donetsk Oblast",
        "UA",
        "settlement",
    )
    assert 48.0 < place.lat < 48.5 and 37.0 < place.lon < 37.4  # the Donetsk Pokrovsk, not Yakutia's
    assert (mention.quote, mention.start, mention.end) == ("Pokrovsk", 16, 24)


def test_ambiguous_names_prefer_the_oblasts_of_the_war_then_population(extractor):
    # three Lymans (Kharkiv, Odesa, Donetsk oblasts): two are in war oblasts, the Donetsk one is larger
    (lyman,) = extractor.extract("Russian forces attacked Lyman.").places
    assert lyman.place.admin1 == "Donetsk Oblast"
    # Donetsk: a city in Ukraine (war oblast, 900,000 people) and a town in Russia's Rostov region
    (donetsk,) = extractor.extract("Shelling in Donetsk.").places
    assert donetsk.place.country == "UA"


def test_a_region_named_in_the_event_settles_an_ambiguous_settlement(extractor):
    mentions = extractor.extract("Shelling hit Zolochiv, Lviv region.").places
    assert [m.place.admin1 for m in mentions] == ["Lviv Oblast", "Lviv Oblast"]
    mentions = extractor.extract("Shelling hit Zolochiv in the Kharkiv region.").places
    assert mentions[0].place.admin1 == "Kharkiv Oblast"


def test_a_locality_the_text_places_in_a_region(extractor):
    text = "Russian forces captured the village of Kreminna Balka in Ukraine's eastern Donetsk region."
    mentions = extractor.extract(text).places
    locality = mentions[0]
    assert (locality.place.name, locality.place.admin1, locality.place.level) == (
        "Kreminna Balka",
        "Donetsk Oblast",
        "locality",
    )
    region = mentions[-1].place
    assert (locality.place.lat, locality.place.lon) == (region.lat, region.lon)


@pytest.mark.parametrize(
    "text",
    [
        "German Chancellor Olaf Scholz said Berlin would help.",  # a Russian village is called Berlin
        "Moldova's President Maia Sandu spoke.",  # "Sandu" is a Ukrainian village's other name
        "The Kyiv Independent reported it.",  # a newspaper, not the city
        "Kreminna Balka was shelled.",  # a longer name nobody knows: not Kreminna
        "The UK and the Police said so.",  # two-letter codes and English words are not places
        "on the coast of the Sea of Azov",
    ],
)
def test_names_that_are_not_the_place(extractor, text):
    names = places_of(extractor, text)
    assert not {"Berlin", "Krutoiarivka", "Kyiv", "Kreminna", "Uk", "Polytsi", "Azov"} & set(names), names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zelensky and Zelenskiy met Putin.",
            ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "Vladimir Putin"],
        ),
        ("Kharkiv Governor Oleh Syniehubov said", ["Oleh Syniehubov"]),
        ("Russia's Defence Ministry and the General Staff", ["Russian Ministry of Defence", "General Staff"]),
        ("NATO and the IAEA", ["NATO", "IAEA"]),
        ("Sergei Lavrov met Lavrov's deputy", ["Sergey Lavrov", "Sergey Lavrov"]),
        ("The UN and the EU; Un drone ha colpito", ["United Nations", "European Union"]),  # "Un": Italian
    ],
)
def test_people(extractor, text, expected):
    assert [m.name for m in extractor.extract(text).people] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv said a granary had been hit; Moscow accused Tehran.", []),
        ("Kyiv's allies met as Moscow's forces advanced.", []),
        ("Kyiv was hit overnight and Kyiv's mayor spoke in Moscow on Monday.", ["Kyiv", "Kyiv", "Moscow"]),
    ],
)
def test_a_capital_standing_for_its_government_is_not_a_place(extractor, text, expected):
    assert places_of(extractor, text) == expected


def test_a_person_is_never_a_place(extractor):
    facts = extractor.extract("Smirnov said the situation was stable.")
    assert facts.places == ()


def test_user_tables_in_the_config_folder_extend_the_bundled_ones(tmp_path):
    places = user_places_path()
    places.parent.mkdir(parents=True, exist_ok=True)
    places.write_text(
        '[[place]]\nname = "Pokrovsk"\ncountry = "UA"\nadmin1 = "05"\ngazetteer = "Pokrovsk"\n'
        'aliases = ["Krasnoarmiisk", "Pokrovs\'k"]\n\n'
        '[[place]]\nname = "Synkivka"\ncountry = "UA"\nadmin1 = "07"\nlat = 49.76\nlon = 37.66\n'
        "aliases = []\n",
        encoding="utf-8",
    )
    people = user_people_path()
    people.write_text('[[person]]\nname = "Mykola Oleshchuk"\naliases = ["Oleshchuk"]\n', encoding="utf-8")
    extractor = Extractor(
        load_gazetteer(data_dir() / "places.toml", places),
        load_people([data_dir() / "people.toml", people]),
    )
    facts = extractor.extract("Oleshchuk said Russian troops shelled Krasnoarmiisk and Synkivka.")
    assert [m.place.name for m in facts.places] == ["Pokrovsk", "Synkivka"]
    assert facts.places[1].place.admin1 == "Kharkiv Oblast"
    assert [m.name for m in facts.people] == ["Mykola Oleshchuk"]


def test_a_broken_user_table_is_reported_and_ignored(tmp_path):
    places = user_places_path()
    places.parent.mkdir(parents=True, exist_ok=True)
    places.write_text("[[place]\nname = ", encoding="utf-8")
    people = user_people_path()
    people.write_text("not toml = = =", encoding="utf-8")
    extractor = Extractor(
        load_gazetteer(data_dir() / "places.toml", places),
        load_people([data_dir() / "people.toml", people]),
    )
    assert len(extractor.warnings) == 2
    assert str(places) in extractor.warnings[0] and str(people) in extractor.warnings[1]
    assert [m.place.name for m in extractor.extract("Kiev").places] == ["Kyiv"]  # the bundled tables work
