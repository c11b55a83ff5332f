"""The labelled fixture set: events in the shapes bulletins write them, with the figures and places a
careful coder would take from each (ACLED's conservative reading). Written for this project in the style
of the bulletins (their agencies' phrasing, spun copies, mojibake-repaired quotes), covering every rule of
docs/FACTS.md and its negatives. `scripts/facts_accuracy.py` prints precision and recall per kind over it;
`test_accuracy.py` holds the aims.

Each entry: (text, figures, places). A figure is (kind, value) or (kind, value, "approx"/"cumulative"/
"range:LOW-HIGH"…); places are the names `warreader facts` shows, in text order, each once.
"""

from __future__ import annotations

LABELLED: list[tuple[str, list[tuple], list[str]]] = [
    # -- casualties with numerals and number words --------------------------------------------------
    (
        "A Russian-guided bomb attack on Ukraine’s southeastern city of Zaporizhzhia has killed four people "
        "and wounded 33, destroying houses and damaging an oncology centre.",
        [("killed", 4), ("wounded", 33)],
        ["Ukraine", "Zaporizhzhia"],
    ),
    (
        "At least 25 people were killed, including five children, when Russian missiles hit apartment "
        "blocks in Uman, officials said.",
        [("killed", 25, "approx")],
        ["Uman"],
    ),
    (
        "Thirty-three civilians were wounded in the overnight shelling of Kherson, the regional "
        "governor said.",
        [("wounded", 33)],
        ["Kherson"],
    ),
    (
        "Russian shelling killed a dozen residents of Vovchansk and injured more than 20 others.",
        [("killed", 12), ("wounded", 20, "approx")],
        ["Vovchansk"],
    ),
    (
        "Dozens of people were injured when a Russian ballistic missile struck the centre of Sumy.",
        [("wounded", 12, "approx")],
        ["Sumy"],
    ),
    (
        "Hundreds of civilians have died in the siege of Mariupol, according to the city council.",
        [("killed", 100, "approx")],
        ["Mariupol"],
    ),
    (
        "Between 10 and 15 soldiers were killed in a strike on a training ground in the "
        "Dnipropetrovsk region.",
        [("killed", 10, "range:10-15")],
        ["Dnipropetrovsk Oblast"],
    ),
    (
        "Officials said two to three people were missing after a drone hit a residential building in Odesa.",
        [("missing", 2, "range:2-3")],
        ["Odesa"],
    ),
    (
        "Six people are still missing under the rubble in Dnipro, the State Emergency Service said.",
        [("missing", 6)],
        ["Dnipro"],
    ),
    (
        "The death toll from Monday’s missile strike on Kryvyi Rih has risen to 19, with 74 injured.",
        [("killed", 19), ("wounded", 74)],
        ["Kryvyi Rih"],
    ),
    (
        "One person was killed and seven wounded in Russian strikes on the eastern region of Kharkiv "
        "over the "
        "last 24 hours, Ukrainian police said.",
        [("killed", 1), ("wounded", 7)],
        ["Kharkiv Oblast"],
    ),
    (
        "At the very least two individuals have been wounded in a single day Russian drone assault on the "
        "Ukrainian capital, Kyiv.",
        [("wounded", 2, "approx")],
        ["Kyiv"],
    ),
    (
        "A Russian missile strike on Kharkiv hit a police building, killing no less than one officer and "
        "wounding 40 individuals.",
        [("killed", 1, "approx"), ("wounded", 40)],
        ["Kharkiv"],
    ),
    (
        "Reports indicate that a Russian-occupied town in Ukraine’s Kherson region came under "
        "attack, resulting "
        "in two deaths and over a dozen injuries.",
        [("killed", 2), ("wounded", 12, "approx")],
        ["Ukraine", "Kherson Oblast"],
    ),
    # -- people counted without a numeral -----------------------------------------------------------
    (
        "A woman and her child were killed when a drone struck their home in the village of Stepne in the "
        "Zaporizhzhia region.",
        [("killed", 2)],
        ["Stepne", "Zaporizhzhia Oblast"],
    ),
    (
        "A civilian died and a man was injured after Ukrainian shelling of Horlivka, Russian-installed "
        "officials said.",
        [("killed", 1), ("wounded", 1)],
        ["Horlivka"],
    ),
    (
        "A 54-year-old woman and a 57-year-old man were killed after their home in Kupiansk was destroyed.",
        [("killed", 2)],
        ["Kupiansk"],
    ),
    (
        "Alexei Smirnov, governor of the Kursk region, said a driver and paramedic were killed and a doctor "
        "injured when a Ukrainian drone hit an ambulance near the town of Sudzha.",
        [("killed", 2), ("wounded", 1)],
        ["Kursk Oblast", "Sudzha"],
    ),
    (
        "Russian drone attacks overnight killed a 12-year-old girl in Ukraine’s central "
        "Dnipropetrovsk region.",
        [("killed", 1)],
        ["Ukraine", "Dnipropetrovsk Oblast"],
    ),
    (
        "Two people were killed and a third wounded when Russian shelling hit a cafe in the village "
        "of Podoly "
        "in the eastern Ukrainian region of Kharkiv.",
        [("killed", 2), ("wounded", 1)],
        ["Podoly", "Kharkiv Oblast"],
    ),
    (
        "Prosecutors said two men aged 44 and 46 were killed by Russian shelling in the village of Mala "
        "Tokmachka.",
        [("killed", 2)],
        ["Mala Tokmachka"],
    ),
    # -- drones and missiles -----------------------------------------------------------------------
    (
        "Russia launched 96 drones overnight, of which 61 were shot down, Ukraine’s air force said.",
        [("drones_launched", 96), ("drones_downed", 61)],
        ["Russia", "Ukraine"],
    ),
    (
        "Ukraine’s air force said it had downed 31 of 51 drones launched by Russia in a single day.",
        [("drones_downed", 31), ("drones_launched", 51)],
        ["Ukraine", "Russia"],
    ),
    (
        "Russia’s Defence Ministry said its air defence systems destroyed 44 Ukrainian drones overnight, "
        "including 20 over the Novgorod region.",
        [("drones_downed", 44)],
        ["Novgorod Oblast"],
    ),
    (
        "Russian forces launched nearly 40 missiles at Ukraine’s cities; air defences shot down 29 of them.",
        [("missiles_launched", 40, "approx"), ("missiles_downed", 29)],
        ["Ukraine"],
    ),
    (
        "The attack was carried out by 440 drones and 32 missiles, according to President Volodymyr "
        "Zelenskyy.",
        [("drones_launched", 440), ("missiles_launched", 32)],
        [],
    ),
    (
        "Five Russian Kalibr cruise missiles were fired from the Black Sea at the Odesa region. Two "
        "were shot "
        "down by Ukrainian air defences.",
        [("missiles_launched", 5), ("missiles_downed", 2)],
        ["Odesa Oblast"],
    ),
    (
        "The Ukrainian Air Force says Russian forces launched 13 Iran-made Shahed drones targeting the Sumy "
        "and Poltava regions, but its air defence units downed all of them.",
        [("drones_launched", 13)],
        ["Sumy Oblast", "Poltava Oblast"],
    ),
    (
        "Russia fired dozens of cruise missiles at Kyiv for the ninth time this month.",
        [("missiles_launched", 12, "approx")],
        ["Russia", "Kyiv"],
    ),
    (
        "Ukraine’s air force said 99 missiles and drones were launched but 84 of them were intercepted.",
        [],
        ["Ukraine"],
    ),
    # -- captured, evacuated -------------------------------------------------------------------------
    (
        "Ukraine’s forces captured 48 Russian soldiers during the advance near Sudzha, Zelenskyy said.",
        [("captured", 48)],
        ["Ukraine", "Sudzha"],
    ),
    (
        "Russian forces took 20 Ukrainian marines prisoner in the Kursk region, Moscow claimed.",
        [("captured", 20)],
        ["Kursk Oblast"],  # "Moscow claimed": the government, not the city
    ),
    (
        "Some 6,000 people have been evacuated from the Kharkiv region as a result of the fighting.",
        [("evacuated", 6000, "approx")],
        ["Kharkiv Oblast"],
    ),
    (
        "Authorities in the Belgorod region evacuated about 3,500 children after a series of "
        "Ukrainian strikes.",
        [("evacuated", 3500, "approx")],
        ["Belgorod Oblast"],
    ),
    # -- money ---------------------------------------------------------------------------------------
    (
        "The United States announced an extra $425m in military aid for Ukraine.",
        [("money", 425_000_000)],
        ["Ukraine"],
    ),
    (
        "US senators released a deal that would unlock $60.4bn in new aid for Ukraine.",
        [("money", 60_400_000_000)],
        ["Ukraine"],
    ),
    (
        "German Chancellor Olaf Scholz announced 1.4 billion euros ($1.53bn) in additional military aid.",
        [("money", 1_400_000_000)],
        [],
    ),
    (
        "The UK pledged £2.26bn from the proceeds of frozen Russian assets, and Kyiv said it would receive "
        "UAH 10bn from the budget reserve.",
        [("money", 2_260_000_000), ("money", 10_000_000_000)],
        [],  # "Kyiv said": the government, not the city
    ),
    (
        "A Moscow court fined the activist 500,000 roubles for discrediting the army.",
        [("money", 500_000)],
        ["Moscow"],
    ),
    (
        "The package brings the total US military aid to more than $2.5 billion since the Russian invasion "
        "in February.",
        [("money", 2_500_000_000, "approx", "cumulative")],
        [],
    ),
    (
        "Ukraine received a $1.5bn tranche from the World Bank, including $984m from Japan and $516m from "
        "the United Kingdom.",
        [("money", 1_500_000_000)],
        ["Ukraine"],
    ),
    # -- cumulative totals ---------------------------------------------------------------------------
    (
        "The United Nations confirmed 9,151 civilian casualties in Ukraine since the start of the invasion "
        "on February 24, including 4,169 people killed and 4,982 injured.",
        [("killed", 4169, "cumulative"), ("wounded", 4982, "cumulative")],
        ["Ukraine"],
    ),
    (
        "France estimates that 150,000 Russian soldiers have been killed since 2022, the foreign "
        "minister said.",
        [("killed", 150_000, "cumulative")],
        [],
    ),
    # -- places: aliases, regions, ambiguity ---------------------------------------------------------
    (
        "Explosions were heard in Kiev and Kharkov overnight as air defences worked over Zaporozhye.",
        [],
        ["Kyiv", "Kharkiv", "Zaporizhzhia"],
    ),
    (
        "Russian troops pressed towards Kupyansk and Avdeyevka, the General Staff said.",
        [],
        ["Kupiansk", "Avdiivka"],
    ),
    (
        "Kharkiv Governor Oleh Syniehubov said a drone hit Kreminna Balka in Ukraine’s eastern "
        "Donetsk region.",
        [],
        ["Kharkiv Oblast", "Ukraine", "Donetsk Oblast"],
    ),
    (
        "Russian forces have captured the village of Kreminna Balka in Ukraine’s eastern Donetsk region.",
        [],
        ["Kreminna Balka", "Ukraine", "Donetsk Oblast"],
    ),
    (
        "Russia targeted oil refineries in the Rostov and Ryazan regions in a second day of drone attacks.",
        [],
        ["Russia", "Rostov Oblast", "Ryazan Oblast"],
    ),
    (
        "Heavy fighting continued around Lyman, Siversk and Chasiv Yar, Ukraine’s military said.",
        [],
        ["Lyman", "Siversk", "Chasiv Yar", "Ukraine"],
    ),
    (
        "Moldova’s President Maia Sandu said Russia was trying to destabilise her country; Berlin and "
        "Poland pledged support.",
        [],
        ["Moldova", "Russia", "Poland"],
    ),
    (
        "The Kyiv Independent reported that Crimea and the Donbas remained under occupation.",
        [],
        ["Crimea", "Donbas"],
    ),
    # -- negatives: ages, prison terms, distances, troop strengths, dates, percentages ----------------
    (
        "A court in Saratov sentenced a man aged 32 to 10 years in prison for donating money to "
        "Ukraine’s army.",
        [],
        ["Saratov", "Ukraine"],
    ),
    (
        "Vovchansk is about 4km (2.5 miles) from the border and 45km (28 miles) from Kharkiv.",
        [],
        ["Vovchansk", "Kharkiv"],
    ),
    (
        "Some 11,000 North Korean troops have been sent to Russia’s Kursk region, and Russia has about "
        "600,000 soldiers in Ukraine.",
        [],
        ["Kursk Oblast", "Russia", "Ukraine"],
    ),
    (
        "Kharkiv’s mayor said 40% of the city was without power on February 24, 2023.",
        [],
        ["Kharkiv"],
    ),
    (
        "Air raid sirens sounded at 7:28am local time (04:28 GMT) for 30 minutes across Ukraine.",
        [],
        ["Ukraine"],
    ),
    (
        "Ukraine marked its 31st Independence Day as 24 February approached, 1,000 days after the invasion.",
        [],
        ["Ukraine"],
    ),
    (
        "No casualties were reported after drone debris fell on two houses in the Kyiv region.",
        [],
        ["Kyiv Oblast"],
    ),
    (
        "A 65-year-old man was detained in Odesa on suspicion of spying for Russia.",
        [],
        ["Odesa", "Russia"],
    ),
    (
        "Russia said it would deploy S-400 air defence systems and F-16 jets arrived in Ukraine in 2024.",
        [],
        ["Russia", "Ukraine"],
    ),
]
