"""The vocabulary of synthetic bulletins: headings, people, places and sentence templates per theme.

Templates use `str.format` slots filled from the tables below, so events read like AJ's (curly
apostrophes, "the Ukrainian capital, Kyiv", counts of drones) while staying deterministic for a seed.
Rare words (`RARE_PLACES`) appear in few events on purpose: the benchmark searches for a common word and
a rare one.
"""

from __future__ import annotations

# Headings as AJ and its copies print them, per theme, with the variants seen in the real corpus.
# Each theme also has a range of days in which it appears (North Korean troops only from late 2024…).
THEMES: dict[str, dict] = {
    "fighting": {
        "headings": [
            "Fighting",
            "Fighting",
            "Fighting",
            "Fighting in Ukraine",
            "Fighting and weapons",
            "Military",
            "Fighting and Military Activity",
        ],
        "days": (1, 99999),
    },
    "diplomacy": {
        "headings": [
            "Politics and diplomacy",
            "Politics and diplomacy",
            "Politics/diplomacy",
            "Diplomacy",
            "Politics and Diplomacy",
            "Diplomacy, economy",
        ],
        "days": (1, 99999),
    },
    "weapons": {"headings": ["Weapons", "Military aid", "Weapons and military aid"], "days": (1, 99999)},
    "economy": {"headings": ["Economy", "Economy and energy", "Energy", "Sanctions"], "days": (1, 99999)},
    "security": {"headings": ["Regional security", "Security", "European security"], "days": (1, 99999)},
    "north_korea": {
        "headings": ["North Korean troops in Ukraine", "North Korean soldiers in Ukraine"],
        "days": (960, 99999),
    },
    "courts": {"headings": ["Courts", "Courts and justice", "War crimes"], "days": (20, 99999)},
    "kursk": {"headings": ["Kursk incursion", "Kursk invasion"], "days": (895, 1180)},
    "grain": {"headings": ["Grain deal", "Black Sea grain deal"], "days": (140, 520)},
    "nuclear": {"headings": ["Zaporizhzhia nuclear plant", "Nuclear safety"], "days": (10, 99999)},
    "russia": {"headings": ["Russian affairs", "Inside Russia"], "days": (1, 99999)},
    "humanitarian": {
        "headings": ["Humanitarian", "Humanitarian Efforts", "Prisoner exchanges"],
        "days": (1, 99999),
    },
}

UA_CITIES = [
    "Kyiv",
    "Kharkiv",
    "Zaporizhzhia",
    "Odesa",
    "Dnipro",
    "Kherson",
    "Sumy",
    "Mykolaiv",
    "Lviv",
    "Chernihiv",
    "Kryvyi Rih",
    "Poltava",
    "Kramatorsk",
    "Sloviansk",
    "Pokrovsk",
    "Kostiantynivka",
    "Bakhmut",
    "Avdiivka",
    "Vuhledar",
    "Toretsk",
    "Chasiv Yar",
    "Kupiansk",
    "Lyman",
    "Vovchansk",
    "Nikopol",
    "Izium",
    "Huliaipole",
    "Orikhiv",
    "Myrnohrad",
]
UA_REGIONS = [
    "Donetsk",
    "Kharkiv",
    "Zaporizhzhia",
    "Kherson",
    "Sumy",
    "Dnipropetrovsk",
    "Odesa",
    "Mykolaiv",
    "Chernihiv",
    "Luhansk",
    "Poltava",
    "Kyiv",
    "Lviv",
    "Zhytomyr",
]
RU_PLACES = [
    "Kursk",
    "Belgorod",
    "Bryansk",
    "Rostov",
    "Voronezh",
    "Krasnodar",
    "Novgorod",
    "Tula",
    "Oryol",
    "Saratov",
    "Tatarstan",
    "Moscow",
]
#: Villages that appear in very few events: the benchmark's "rare word" search looks for these.
RARE_PLACES = ["Ocheretyne", "Novoserhiivka", "Krasnohorivka", "Shevchenko", "Velyka Novosilka"]
COUNTRIES = [
    "the United States",
    "Germany",
    "France",
    "the United Kingdom",
    "Poland",
    "Hungary",
    "Slovakia",
    "Turkey",
    "China",
    "India",
    "Japan",
    "South Korea",
    "North Korea",
    "Iran",
    "Lithuania",
    "Finland",
    "Sweden",
    "Norway",
    "the Netherlands",
    "Canada",
    "Italy",
]
ALLIES = [
    "Germany",
    "France",
    "the United Kingdom",
    "Poland",
    "Canada",
    "the Netherlands",
    "Sweden",
    "Denmark",
    "Norway",
    "Italy",
    "Japan",
    "Australia",
]
UA_PEOPLE = [
    "Ukrainian President Volodymyr Zelenskyy",
    "Ukraine’s Foreign Minister Andrii Sybiha",
    "Ukraine’s army chief Oleksandr Syrskii",
    "Ukraine’s Prime Minister Denys Shmyhal",
    "Kharkiv Governor Oleh Syniehubov",
    "Kyiv Mayor Vitali Klitschko",
    "Zaporizhzhia Governor Ivan Fedorov",
    "Ukraine’s human rights commissioner Dmytro Lubinets",
]
RU_PEOPLE = [
    "Russian President Vladimir Putin",
    "Kremlin spokesman Dmitry Peskov",
    "Russian Foreign Minister Sergey Lavrov",
    "Former Russian President Dmitry Medvedev",
    "Foreign Ministry spokeswoman Maria Zakharova",
    "Belgorod Governor Vyacheslav Gladkov",
    "Kursk Governor Alexei Smirnov",
]
INTL_PEOPLE = [
    "NATO Secretary-General Mark Rutte",
    "EU foreign policy chief Kaja Kallas",
    "US Secretary of State Marco Rubio",
    "German Chancellor Olaf Scholz",
    "French President Emmanuel Macron",
    "Hungary’s Prime Minister Viktor Orban",
    "Poland’s Prime Minister Donald Tusk",
    "UN Secretary-General Antonio Guterres",
    "IAEA chief Rafael Grossi",
    "Turkish President Recep Tayyip Erdogan",
]
# Where something was said, as a phrase that follows "said": "… said on the Telegram messaging app".
SOURCES = [
    "on the Telegram messaging app",
    "on social media",
    "in a televised address",
    "in a statement",
    "at a news conference",
    "in an interview with the Reuters news agency",
    "according to the state news agency TASS",
    "according to the Interfax news agency",
    "in a post on X",
]
WEAPONS = [
    "air defence interceptors",
    "artillery ammunition",
    "armoured vehicles",
    "F-16 fighter jets",
    "Patriot missile systems",
    "IRIS-T air defence systems",
    "long-range ATACMS missiles",
    "Storm Shadow cruise missiles",
    "Leopard tanks",
    "HIMARS rocket launchers",
    "drones",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PHOTOGRAPHERS = [
    "Sergey Bobok/AFP",
    "Roman Pilipey/AFP",
    "Genya Savilov/AFP",
    "Reuters",
    "Vyacheslav Madiyevskyy/Reuters",
    "Gleb Garanich/Reuters",
    "Alina Smutko/Reuters",
    "Efrem Lukatsky/AP",
    "Evgeniy Maloletka/AP",
    "Handout/Ukrainian Emergency Service",
    "File: Edgar Su/Reuters",
    "Anadolu",
]

# Sentence templates per theme. Each produces one sentence of roughly 70–230 characters.
TEMPLATES: dict[str, list[str]] = {
    "fighting": [
        "At least {n} people were killed and {m} wounded in a Russian {strike} on Ukraine’s {city}, "
        "according to {ua_person}.",
        "A Russian {strike} on the {region} region damaged residential buildings and started fires, "
        "the regional military administration said {source}.",
        "Russia’s Defence Ministry said its forces had taken control of the village of {village} in "
        "Ukraine’s eastern {region} region, as Moscow’s troops press their advance towards {city}.",
        "Ukraine’s air force said it had downed {n} of {big} drones launched by Russia overnight, with "
        "several others “lost” to electronic warfare.",
        "Debris from downed drones hit {small} districts of the Ukrainian capital, Kyiv, damaging "
        "apartment blocks and a {facility}, officials said.",
        "Russia’s Ministry of Defence said its air defence systems destroyed {n} Ukrainian drones "
        "overnight over the {ru_place} region.",
        "{ru_person} said Ukrainian shelling had killed {small} civilians in the border region of "
        "{ru_place}.",
        "Ukrainian forces repelled {n} Russian assaults near {city} over the past 24 hours, the General "
        "Staff said in its evening report.",
        "A man aged {age} died when a Russian drone hit the car he was driving near {city}, "
        "prosecutors in the {region} region said.",
        "Power was cut to more than {big},000 homes in the {region} region after a Russian attack on an "
        "energy facility, the grid operator Ukrenergo said.",
        "{ua_person} said fighting was raging around {city} and that the situation in the {region} "
        "region remained “difficult”.",
        "Rescuers pulled {small} bodies from the rubble of an apartment building in {city} after an "
        "overnight missile strike, the State Emergency Service said.",
    ],
    "diplomacy": [
        "{ua_person} said Ukraine had asked its partners for long-range weapons and permission to use "
        "them against military targets inside Russia.",
        "{intl_person} said the alliance could not afford to let Russia win in Ukraine and urged members "
        "to spend more on defence.",
        "{ru_person} said Moscow was open to talks but would not accept any deal that ignored “the "
        "realities on the ground”.",
        "{country} summoned Russia’s ambassador to protest against a strike on {city} that killed "
        "{small} civilians.",
        "The European Union’s foreign ministers agreed on a new package of sanctions targeting Russia’s "
        "“shadow fleet” of oil tankers, {intl_person} said.",
        "{intl_person} met {ua_person} in {capital} and pledged continued support “for as long as it takes”.",
        "Delegations from Ukraine and Russia met in Istanbul for a new round of talks, the first in "
        "{small} weeks, officials said {source}.",
        "{ru_person} accused {country} of “direct involvement” in the war after it agreed to send "
        "{weapon} to Kyiv.",
        "{intl_person} said a ceasefire would be possible only if Russia withdrew from the occupied "
        "parts of the {region} region.",
    ],
    "weapons": [
        "{ally} announced a new ${big}m military aid package for Ukraine, including {weapon} and {weapon2}.",
        "Ukraine’s Ministry of Strategic Industries said the country had produced more than {big},000 "
        "long-range drones this year.",
        "{ally} said it would deliver further {weapon} to Ukraine before the end of the year.",
        "The Pentagon will send Ukraine at least ${big}m in new weapons, The Associated Press news agency "
        "reported, quoting US officials.",
        "A Ukrainian official said Kyiv was in talks with {ally} about building {weapon} in Ukraine "
        "with foreign funding.",
    ],
    "economy": [
        "Russia’s central bank raised its key interest rate to {n} percent to fight inflation driven by "
        "military spending.",
        "Ukraine’s grain exports through its Black Sea ports reached {big} million tonnes this season, "
        "the agriculture ministry said.",
        "The European Union agreed to use profits from frozen Russian assets to fund a ${big}bn loan "
        "to Ukraine.",
        "Gas flows through the pipeline to {country} fell by {n} percent after a transit agreement "
        "expired, the operator said.",
        "A Ukrainian drone attack set fire to an oil refinery in the Russian region of {ru_place}, "
        "the local governor said.",
    ],
    "security": [
        "{ally} said it would raise defence spending to at least {small}.5 percent of its economic "
        "output next year.",
        "{intl_person} warned that Russia could test NATO’s eastern flank within {small} years.",
        "Poland scrambled fighter jets after Russia launched a large-scale attack on western Ukraine "
        "near its border, the Polish army said.",
        "Lithuania, Latvia and Estonia said they would build a joint “defence line” along their borders "
        "with Russia and Belarus.",
        "A Russian drone crashed in a field in eastern Romania, the defence ministry in Bucharest said, "
        "the {ordinal} such incident this year.",
    ],
    "north_korea": [
        "{ua_person} said North Korean troops had suffered heavy casualties in the Kursk region and "
        "that {big} soldiers had been killed or wounded.",
        "South Korea’s spy agency said North Korea had sent about {big},000 more troops to Russia, along "
        "with artillery shells and missiles.",
        "North Korea’s Foreign Minister Choe Son Hui said her country would “stand firmly” by Russia "
        "until victory in Ukraine.",
        "{intl_person} said the deployment of North Korean soldiers marked a “dangerous expansion” of "
        "the war.",
    ],
    "courts": [
        "A court in {ru_place} sentenced a man aged {age} to {small} years in prison for donating "
        "money to Ukraine’s army, the state news agency TASS reported.",
        "Ukrainian prosecutors opened a war crimes investigation after a video appeared to show the "
        "execution of captured soldiers near {city}.",
        "The International Criminal Court said it was examining new evidence of deportations of "
        "children from the {region} region.",
        "A Moscow court extended the detention of a journalist accused of “discrediting” the army by "
        "{small} months.",
    ],
    "kursk": [
        "{ru_person} said Ukrainian forces had been pushed out of {small} more settlements in the Kursk "
        "region.",
        "Ukraine’s army chief, Oleksandr Syrskii, said Kyiv controlled about {big}sq km of the Russian "
        "region of Kursk.",
        "Some {big},000 residents of the Kursk region have been evacuated since the incursion began, "
        "Russian officials said.",
    ],
    "grain": [
        "Ships carrying {big},000 tonnes of grain left the port of Odesa under the Black Sea grain deal, "
        "the Joint Coordination Centre in Istanbul said.",
        "{ru_person} said Russia would not extend the grain deal unless its own exports of food and "
        "fertiliser were unblocked.",
        "{intl_person} said the grain corridor had helped bring down food prices around the world.",
    ],
    "nuclear": [
        "{intl_person} said a drone hit the training centre of the Zaporizhzhia nuclear plant and "
        "warned of the risk of a “major nuclear accident”.",
        "The Zaporizhzhia nuclear plant lost its last external power line for {small} hours and ran "
        "on diesel generators, the IAEA said.",
        "The IAEA said its experts heard explosions near the Zaporizhzhia plant on {weekday} and saw "
        "smoke rising from the town of Enerhodar.",
    ],
    "russia": [
        "{ru_person} said Russia would respond to any strike deep inside its territory with “all the "
        "means at its disposal”.",
        "Russia’s parliament passed a law raising the maximum age of conscription to {age}, the state "
        "news agency RIA reported.",
        "Authorities in {ru_place} declared a state of emergency after a Ukrainian drone attack hit "
        "a fuel depot.",
        "{ru_person} said the Kremlin was not aware of any plans for new talks with Kyiv.",
    ],
    "humanitarian": [
        "Ukraine and Russia exchanged {big} prisoners of war each in a swap mediated by the United Arab "
        "Emirates, {ua_person} said.",
        "The United Nations said at least {big} civilians had been killed in Ukraine last month, the "
        "highest monthly toll in {small} months.",
        "{ua_person} said {n} children had been returned to Ukraine from Russian-occupied territories.",
        "Aid agencies warned that some {big},000 people in the {region} region were without heating "
        "as temperatures fell below freezing.",
    ],
}

# Follow-on sentences that fit after any event: they give events their second to fourth sentence.
FOLLOW_ON = [
    "There was no immediate comment from Moscow.",
    "Kyiv did not comment on the claim, which could not be independently verified.",
    "The claim could not be independently verified by Al Jazeera.",
    "The attack came hours after {ua_person} called on allies to send more air defence systems.",
    "Officials said the number of casualties could rise as rescuers searched the rubble.",
    "The village of {village} is about {km}km ({miles} miles) from the front line and had about "
    "{big},000 residents before the war.",
    "{ru_person} denied that Russian forces target civilians.",
    "It was the {ordinal} attack on the city this month, according to local authorities.",
    "{ua_person} said the attack showed that Russia “does not want peace”.",
    "Moscow has previously dismissed such accusations as “lies”.",
    "The announcement was made {source} on {weekday}.",
    "Residents of {city} were told to stay in shelters until the air raid alert was lifted.",
    "The move drew criticism from {country}, which called it “a step towards escalation”.",
    "{ru_person} said the decision would “not go unanswered”.",
]

# Photos: an alt-text line, then a caption line ending in "[Name/Agency]", both about the same photo,
# as AJ prints them. Real alt-texts either carry a credit (AFP's "[NAME / AFP]", "REUTERS/Stringer"),
# start "FILE PHOTO:", or share most words with the caption. The third element says where the real
# corpus shows the pair: "any" layout, or only "spaced" ones (blank lines around every block), like
# day 802's description of the photo that shares no words with its caption.
PHOTOS = [
    (
        "Rescuers of the State Emergency Service inspect the remains of a residential building after a "
        "strike in {city}, on {date_long}. {upper_credit}",
        "Rescuers examine the remains of a residential building after a strike in {city}, on {date_long}",
        "any",
    ),
    (
        "Firefighters work at the site of a building hit by a Russian drone strike in {city}, Ukraine, "
        "{date_long}. REUTERS/Stringer",
        "Firefighters work at the site of a building hit by a Russian drone strike in {city}",
        "any",
    ),
    (
        "FILE PHOTO: A Ukrainian serviceman fires an artillery shell towards Russian troops near {city}, "
        "{region} region, Ukraine",
        "A Ukrainian serviceman fires towards Russian troops near {city}, {region} region",
        "any",
    ),
    (
        "Emergency workers at an apartment building in {city} that was hit in a Russian attack. The windows "
        "have been blown out and the workers are on a crane attached to a white truck parked in front.",
        "Russia again attacked {city} and the surrounding region",
        "spaced",
    ),
]
