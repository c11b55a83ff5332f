"""Pages a local test server serves, in the shapes real bulletins circulate in: an Al Jazeera article page
(site furniture, share buttons, a photo caption, a "More on this" box linking other days, a canonical
link), a Guardian "at a glance" page, a content-farm plain-text copy, a page in windows-1251, an RSS and an
Atom feed, and index pages (an Al Jazeera tag page of cards, a plain archive list)."""

from __future__ import annotations

from html import escape

AJ_PATH = "/news/2024/{m}/{d}/russia-ukraine-war-list-of-key-events-day-{day}"

# day → (date in the situation line, {heading: [events]})
AJ_DAYS: dict[int, tuple[str, dict[str, list[str]]]] = {
    974: (
        "Saturday, October 26, 2024",
        {
            "Fighting": [
                "Russian glide bombs hit a residential area of Kharkiv, wounding 12 people, including "
                "children, the regional governor said.",
                "Ukraine’s air force said it shot down 33 of 60 drones Russia launched overnight.",
            ],
            "Politics and diplomacy": [
                "Zelenskyy said North Korean troops could be on the front line within days.",
            ],
        },
    ),
    976: (
        "Monday, October 28, 2024",
        {
            "Fighting": [
                "A Russian drone attack on Kyiv killed one person and damaged a residential building.",
                "Russia’s Defence Ministry said its forces had captured the village of Yasna Poliana.",
            ],
            "Weapons": ["The Netherlands said it would deliver the first F-16 jets from its fleet."],
        },
    ),
    977: (
        "Tuesday, October 29, 2024",
        {
            "Fighting": [
                "Ukrainian drones struck a fuel depot in Russia’s Bryansk region, the governor said.",
                "Russian shelling of Kherson killed a 70-year-old man, local officials said.",
            ],
            "Politics and diplomacy": [
                "NATO chief Mark Rutte met South Korean officials about North Korean troops in Russia.",
            ],
        },
    ),
    978: (
        "Wednesday, October 30, 2024",
        {
            "Fighting": [
                "Russian strikes on Zaporizhzhia killed two people and hit an industrial site.",
                "Ukraine said its forces repelled 26 Russian attacks near Pokrovsk.",
            ],
        },
    ),
    979: ("Thursday, October 31, 2024", {"Fighting": ["A Russian attack on Kharkiv hit a police building."]}),
    980: ("Friday, November 1, 2024", {"Fighting": ["Russia launched 31 drones at Ukraine overnight."]}),
    981: ("Saturday, November 2, 2024", {"Fighting": ["Two people were wounded in a drone attack on Kyiv."]}),
    982: (
        "Sunday, November 3, 2024",
        {"Fighting": ["Russian forces advanced near Kurakhove, Ukraine’s general staff said."]},
    ),
}


def aj_path(day: int) -> str:
    date_text = AJ_DAYS[day][0]
    month = {"October": 10, "November": 11}[date_text.split(", ")[1].split()[0]]
    return AJ_PATH.format(m=month, d=int(date_text.split(", ")[1].split()[1]), day=day)


def aj_page(day: int, base: str) -> str:
    """An aljazeera.com article page as served: furniture around the article, the events in <ul>s."""
    date_text, sections = AJ_DAYS[day]
    title = f"Russia-Ukraine war: List of key events, day {day}"
    body = "\n".join(
        f"<h2>{escape(heading)}</h2>\n<ul>\n"
        + "\n".join(f"<li>{escape(event)}</li>" for event in events)
        + "\n</ul>"
        for heading, events in sections.items()
    )
    related = aj_path(day - 2) if day - 2 in AJ_DAYS else aj_path(974)
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr"><head><meta charset="utf-8">
<title>{title} | Russia-Ukraine war News | Al Jazeera</title>
<link rel="canonical" href="{base}{aj_path(day)}">
<meta property="og:url" content="{base}{aj_path(day)}">
<meta property="og:site_name" content="Al Jazeera">
<script>window.dataLayer = [{{"event": "pageview"}}];</script>
</head><body>
<div class="site-header"><a href="/">Al Jazeera</a>
<nav class="site-header__navigation"><ul><li><a href="/news/">News</a></li>
<li><a href="/tag/ukraine-russia-crisis/">Ukraine war</a></li></ul></nav></div>
<main id="main-content"><article>
<header class="article-header"><h1>{title}</h1>
<p class="article__subhead">As the war enters its {day}th day, these are the main developments.</p></header>
<div class="article-info"><span>Published On {date_text.split(", ", 1)[1]}</span></div>
<div class="share-buttons"><a href="https://www.facebook.com/sharer">Facebook</a>
<a href="https://twitter.com/intent/tweet">Twitter</a></div>
<figure><img src="/wp-content/uploads/2024/10/kharkiv.jpg" alt="Rescuers at the site of a strike.">
<figcaption>
Rescuers work at the site of a Russian strike in Kharkiv [Sofiia Gatilova/Reuters]</figcaption></figure>
<div class="wysiwyg">
<p>Here is the situation on {date_text}:</p>
{body}
</div>
<aside class="more-on"><h2>More on this</h2><ul>
<li><a href="{related}">Russia-Ukraine war: List of key events, day {day - 2}</a></li></ul></aside>
<p>Source: Al Jazeera and news agencies</p>
</article></main>
<footer class="footer"><a href="/about">About</a></footer>
</body></html>"""


GUARDIAN_PATH = "/world/2024/nov/20/russia-ukraine-war-at-a-glance-what-we-know-on-day-1000"
GUARDIAN_EVENTS = [
    "Ukraine fired US-made ATACMS missiles at a military facility in Russia’s Bryansk region for the first "
    "time, Moscow said.",
    "Vladimir Putin approved an updated nuclear doctrine that lowers the threshold for using nuclear "
    "weapons.",
    "The US embassy in Kyiv said it would close for a day after warnings of a significant air attack.",
]


def guardian_page() -> str:
    items = "\n".join(f"<li><p>{escape(event)}</p></li>" for event in GUARDIAN_EVENTS)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Russia-Ukraine war at a glance: what we know on day 1,000 of the invasion | Ukraine | The Guardian
</title>
<link rel="canonical" href="https://www.theguardian.com{GUARDIAN_PATH}">
</head><body><a href="#maincontent" class="skip-link">Skip to main content</a>
<header><nav><a href="/world">World</a></nav></header>
<main id="maincontent"><article>
<h1>Russia-Ukraine war at a glance: what we know on day 1,000 of the invasion</h1>
<div class="standfirst">
<p>Ukraine uses US missiles to strike inside Russia; Putin lowers nuclear threshold</p></div>
<figure><img alt="A memorial in Kyiv">
<figcaption>A memorial in Kyiv. Photograph: Alina Smutko/Reuters</figcaption></figure>
<div class="article-body-commercial-selector"><ul>
{items}
</ul></div></article></main></body></html>"""


# A content-farm copy as plain text: the title twice with the site's suffix, "Connect with us", "•" bullets.
TEXT_COPY_975 = """Connect with us

Russia-Ukraine war: List of key events, day 975 | Russia-Ukraine war News

Russia-Ukraine war: List of key events, day 975 | Russia-Ukraine war News

As the war enters its 975th day, these are the main developments.

Here is the situation on Sunday, October 27, 2024:

Fighting

  • Russian drones attacked Kyiv for the second night in a row, injuring two people.

  • Ukraine’s military said Russian forces had entered the town of Selydove.

Politics and diplomacy

  • Georgia’s ruling party claimed victory in a parliamentary election that observers said was marred.
"""

# A regional outlet's English page served in windows-1251, quoting a place name in Cyrillic.
CYRILLIC_984 = """<html><head><title>Key events of the Russia-Ukraine war: Day 984</title></head><body>
<h1>Key events of the Russia-Ukraine war: Day 984</h1>
<p>Here is the situation on Tuesday, November 5, 2024:</p>
<h2>Fighting</h2>
<ul><li>Russian forces shelled Pokrovsk (Покровськ) through the night, the city council said.</li>
<li>Ukraine’s air force said it destroyed 30 of 41 drones launched by Russia.</li></ul>
</body></html>"""


def rss_feed(base: str) -> str:
    """Al Jazeera-like RSS: bulletin links carry ?traffic_source=rss; another war's bulletin and an
    unrelated story sit between them."""
    items = [
        (f"{base}{aj_path(976)}?traffic_source=rss", "Russia-Ukraine war: List of key events, day 976"),
        (f"{base}/news/2024/10/28/israel-hamas-war-list-of-key-events-day-388", None),
        (f"{base}/news/2024/10/27/zelenskyy-presents-victory-plan", "Zelenskyy presents ‘victory plan’"),
        (f"{base}/copies/day-975.txt", "<![CDATA[Russia-Ukraine war: List of key events, day 975]]>"),
    ]
    body = []
    for n, (link, title) in enumerate(items):
        title = title or "Israel-Hamas war: List of key events, day 388"
        if not title.startswith("<![CDATA["):
            title = escape(title)
        body.append(
            f"<item><title>{title}</title><link>{escape(link)}</link>"
            f'<guid isPermaLink="false">tag:aljazeera,{n}</guid>'
            "<pubDate>Mon, 28 Oct 2024 06:00:00 +0000</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        "<title>Al Jazeera – Russia-Ukraine war</title>"
        f'<atom:link href="{base}/feeds/rss.xml" rel="self" type="application/rss+xml"/>'
        f"<link>{base}/</link>" + "".join(body) + "</channel></rss>"
    )


def atom_feed(base: str) -> str:
    """Guardian-like Atom: links relative to xml:base, an enclosure beside each alternate link, a spun
    copy's title, and an unrelated briefing."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/world/">
<title>Ukraine | The Guardian</title><id>{base}/world/ukraine</id><updated>2024-11-20T06:00:00Z</updated>
<entry><title type="html">Russia-Ukraine war at a glance: what we know on day 1,000 of the invasion</title>
<link rel="enclosure" href="/img/memorial.jpg"/>
<link rel="alternate" href="{GUARDIAN_PATH.removeprefix("/world/")}"/>
<id>tag:guardian,1000</id><updated>2024-11-20T06:00:00Z</updated></entry>
<entry><title>Russia-Ukraine conflict at a glance: what we understand on day 984 of the invasion</title>
<link href="/spun/day-984"/><id>tag:spun,984</id><updated>2024-11-05T06:00:00Z</updated></entry>
<entry><title>Ukraine war briefing: Kyiv hit by drones as winter nears</title>
<link href="2024/nov/19/ukraine-war-briefing"/><id>tag:guardian,briefing</id>
<updated>2024-11-19T06:00:00Z</updated></entry>
</feed>"""


def tag_page(base: str) -> str:
    """An Al Jazeera tag page: cards with a title link and a picture link, relative links, a duplicate
    with tracking parameters, and links that fail in every way a link can."""
    cards = [
        (f"{aj_path(974)}?utm_source=tag", "Russia-Ukraine war: List of key events, day 974"),
        (aj_path(977), "Russia-Ukraine war: List of key events, day 977"),
        (f"../../{aj_path(978).lstrip('/')}", "Russia-Ukraine war: List of key events, day 978"),
        (aj_path(979), "Russia-Ukraine war: List of key events, day 979"),  # 404
        (aj_path(980), "Russia-Ukraine war: List of key events, day 980"),  # too large
        (aj_path(981), "Russia-Ukraine war: List of key events, day 981"),  # too slow
        ("/r/1", "Russia-Ukraine war: List of key events, day 982"),  # 6 redirects
        ("ftp://files.example.org/day-983.html", "Russia-Ukraine war: List of key events, day 983"),
        ("/news/2024/10/29/zelenskyy-visits-reykjavik", "Zelenskyy visits Reykjavik for Nordic summit"),
        (f"{aj_path(977)}?traffic_source=KeepReading#comments", "Russia-Ukraine war: key events, day 977"),
    ]
    articles = "\n".join(
        f'<article class="gc gc--type-post"><div class="gc__content"><h3 class="gc__title">'
        f'<a class="u-clickable-card__link" href="{escape(href)}"><span>{escape(title)}</span></a></h3>'
        f'<div class="gc__excerpt"><p>These are the key developments from the war.</p></div></div>'
        f'<a href="{escape(href)}" aria-hidden="true"><img alt="" src="/img/{n}.jpg"></a></article>'
        for n, (href, title) in enumerate(cards)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ukraine-Russia crisis | Today's latest from Al Jazeera</title></head><body>
<nav><a href="/">Home</a><a href="/news/">News</a><a href="mailto:tips@example.org">Tips</a></nav>
<main id="main-content"><h1>Ukraine-Russia crisis</h1>
<section id="news-feed-container">
{articles}
</section></main></body></html>"""


def archive_page() -> str:
    """A plain archive: one <ul> of links, which the parser alone would read as a list of events."""
    links = "\n".join(
        f'<li><a href="{aj_path(day)}">Russia-Ukraine war: List of key events, day {day}</a></li>'
        for day in (976, 977)
    )
    return f"""<html><head><title>Key events archive, day by day</title></head><body>
<h1>Russia-Ukraine war: list of key events, day by day</h1>
<p>Updated on Tuesday, October 29, 2024.</p>
<ul>
{links}
</ul></body></html>"""
