"""`warreader import URL…` as a user runs it, against the local server: what is stored, what is printed,
the exit status, and that a link that fails stores nothing while the others go on."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from warreader.cli import main
from warreader.store import Library

from . import pages
from .conftest import BIG_CHUNKS, SLOW_SECONDS, requested


@pytest.fixture
def db(tmp_path):
    return tmp_path / "lib"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def said(out: str, day: int, source: object) -> str:
    """The line `import` printed about `day` from `source` (its wording is the store's report; what
    matters here is that each link is named with what became of it)."""
    lines = [line for line in out.splitlines() if f"day {day}" in line and str(source) in line]
    assert len(lines) == 1, out
    return lines[0]


def stored(db) -> dict[int, str]:
    """day → source of every stored bulletin."""
    with Library.open(db, seed_samples=False) as library:
        return {d.day: library.bulletin(d.day).source for d in library.days()}


def test_a_bulletin_page_is_stored_with_its_link_as_source(capsys, db, site):
    url = site.url(pages.aj_path(974))
    code, out, err = run(capsys, "--db", db, "import", url + "#comments")
    assert code == 0, err
    assert "unchanged" not in said(out, 974, url)
    with Library.open(db, seed_samples=False) as library:
        bulletin = library.bulletin(974)
        assert bulletin.source == url  # the link as fetched, without its fragment
        assert bulletin.title == "Russia-Ukraine war: List of key events, day 974"
        assert [s.heading for s in bulletin.sections] == ["Fighting", "Politics and diplomacy"]
        assert bulletin.event_count == 3  # the "More on this" box and the furniture are not events
        assert library.known_sources() == {url}
    (request, _), *_ = site.server.log
    assert request.headers["User-Agent"].startswith("warreader/")
    # Again: the same page, unchanged.
    code, out, _ = run(capsys, "--db", db, "import", url)
    assert code == 0 and "unchanged" in said(out, 974, url)


def test_saved_page_shapes_text_copies_and_declared_charsets(capsys, db, site):
    guardian = site.url(pages.GUARDIAN_PATH)
    copy = site.url("/copies/day-975.txt")
    cyrillic = site.url("/spun/day-984")
    code, out, err = run(capsys, "--db", db, "import", guardian, copy, cyrillic)
    assert code == 0, err
    assert stored(db) == {1000: guardian, 975: copy, 984: cyrillic}
    with Library.open(db, seed_samples=False) as library:
        # Read like the saved page it is (what the parser makes of a standfirst is the parser's business).
        texts = [e.text for _, e in library.bulletin(1000).iter_events()]
        assert all(event in texts for event in pages.GUARDIAN_EVENTS)
        assert library.bulletin(975).event_count == 3
        # Served as windows-1251: the Cyrillic survives, not as mojibake.
        assert "Pokrovsk (Покровськ)" in library.bulletin(984).sections[0].events[0].text


def test_a_page_holding_two_days_stores_both(capsys, db, site):
    # A reposted digest: two daily bulletins one after the other on one page, as a pasted file may be.
    second = pages.TEXT_COPY_975.replace("975", "976").replace("Sunday, October 27", "Monday, October 28")
    site.server.expect_request("/digest.txt").respond_with_data(
        pages.TEXT_COPY_975 + "\n\n" + second, content_type="text/plain; charset=utf-8"
    )
    url = site.url("/digest.txt")
    code, out, err = run(capsys, "--db", db, "import", url)
    assert code == 0, err
    assert stored(db) == {975: url, 976: url}
    with Library.open(db, seed_samples=False) as library:
        assert library.bulletin(975).event_count == 3 and library.bulletin(976).event_count == 3


def test_files_and_links_in_one_call_write_the_library_once(capsys, db, site, tmp_path, monkeypatch):
    path = tmp_path / "day0975.txt"
    path.write_text(pages.TEXT_COPY_975, encoding="utf-8")
    calls = []
    real = Library.import_bulletins

    def spy(self, bulletins, progress=None):
        calls.append([b.day for b in bulletins])
        return real(self, bulletins, progress)

    monkeypatch.setattr(Library, "import_bulletins", spy)
    code, out, err = run(capsys, "--db", db, "import", path, site.url(pages.aj_path(976)))
    assert code == 0, err
    assert calls == [[975, 976]]
    said(out, 975, path), said(out, 976, site.url(pages.aj_path(976)))


def test_rss_feed_imports_its_bulletins_and_nothing_else(capsys, db, site):
    code, out, err = run(capsys, "--db", db, "import", site.url("/feeds/rss.xml"))
    assert code == 0, err
    assert stored(db) == {976: site.url(pages.aj_path(976)), 975: site.url("/copies/day-975.txt")}
    feed = site.url("/feeds/rss.xml")
    assert f"RSS feed {feed}: 2 bulletins listed, fetching 2, 2 other links ignored" in out
    # Another war's bulletin and an unrelated story are never fetched.
    assert requested(site.server, "/news/2024/10/28/israel-hamas-war-list-of-key-events-day-388") == 0
    assert requested(site.server, "/news/2024/10/27/zelenskyy-presents-victory-plan") == 0
    # The feed again: both stored (the feed's ?traffic_source=rss link matches the stored link), none fetched.
    code, out, _ = run(capsys, "--db", db, "import", site.url("/feeds/rss.xml"))
    assert code == 0 and "2 bulletins listed, 2 already in the library, fetching 0" in out
    assert requested(site.server, pages.aj_path(976)) == 1
    assert requested(site.server, "/copies/day-975.txt") == 1


def test_atom_feed_resolves_relative_links(capsys, db, site):
    code, out, err = run(capsys, "--db", db, "import", site.url("/feeds/atom.xml"))
    assert code == 0, err
    assert "Atom feed" in out and "2 bulletins listed, fetching 2, 1 other link ignored" in out
    assert stored(db) == {1000: site.url(pages.GUARDIAN_PATH), 984: site.url("/spun/day-984")}
    assert requested(site.server, "/img/memorial.jpg") == 0  # the enclosure is not the article


def test_an_archive_list_is_an_index_not_a_bulletin(capsys, db, site):
    code, out, err = run(capsys, "--db", db, "import", site.url("/archive"))
    assert code == 0, err
    assert "index page" in out and "2 bulletins listed" in out
    assert sorted(stored(db)) == [976, 977]


def test_index_page_with_every_kind_of_failure(db, site):
    """As a real process: the user sees one line per failed link, no traceback, and the good ones stored."""
    first = site.url(pages.aj_path(974))
    env = {**os.environ, "NO_PROXY": "*"}
    warreader = [sys.executable, "-m", "warreader", "--db", str(db), "import", "--timeout", "0.5"]
    done = subprocess.run([*warreader, first], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    index = site.url("/tag/ukraine-russia-crisis/")
    done = subprocess.run([*warreader, index, "gopher://example.org/1/day-985"], **_quiet(env))
    out, err = done.stdout, done.stderr
    assert done.returncode == 2
    assert "Traceback" not in err and "Traceback" not in out
    assert (
        f"index page {index}: 8 bulletins listed, 1 already in the library, fetching 7, 3 other links ignored"
        in out
    )
    said(out, 977, site.url(pages.aj_path(977)))
    said(out, 978, site.url(pages.aj_path(978)))  # "../../news/…" resolved
    failures = [line for line in err.splitlines() if line.startswith("warreader: ")]
    assert len(failures) == 6, err
    assert f"warreader: {site.url(pages.aj_path(979))}: HTTP 404 Not Found" in failures
    assert f"warreader: {site.url(pages.aj_path(980))}: larger than 20 MB; not read further" in failures
    assert f"warreader: {site.url(pages.aj_path(981))}: no answer within 0.5 s (timed out)" in failures
    assert f"warreader: {site.url('/r/1')}: more than 5 redirects; gave up" in failures
    assert (
        "warreader: ftp://files.example.org/day-983.html: only http and https links can be fetched, "
        "not ftp: links" in failures
    )
    assert "warreader: gopher://example.org/1/day-985: only http and https links can be fetched" in err
    assert f", failed 6 → {db}" in out  # the run's summary counts the failed links
    # Each failed link stored nothing; the good ones and the one stored before are there.
    days = stored(db)
    assert sorted(days) == [974, 977, 978]
    assert set(days.values()) == {first, site.url(pages.aj_path(977)), site.url(pages.aj_path(978))}
    # Fetched once each: the stored day not at all, the duplicate card once, the unrelated story never.
    assert requested(site.server, pages.aj_path(974)) == 1
    assert requested(site.server, pages.aj_path(977)) == 1
    assert requested(site.server, "/news/2024/10/29/zelenskyy-visits-reykjavik") == 0
    assert requested(site.server, "/r/6") == 1 and requested(site.server, "/r/7") == 0
    assert site.big_chunks_sent < BIG_CHUNKS // 2  # the download stopped at the cap; the rest never sent


def _quiet(env):
    return {"capture_output": True, "text": True, "env": env, "timeout": 60 + SLOW_SECONDS}


def test_a_failed_link_stores_nothing_and_the_others_go_on(capsys, db, site):
    site.html("/not-a-bulletin", "<html><body><h1>About us</h1><p>We are a newsroom.</p></body></html>")
    code, out, err = run(
        capsys,
        "--db",
        db,
        "import",
        site.url("/not-a-bulletin"),
        site.url(pages.aj_path(979)),
        site.url(pages.aj_path(977)),
    )
    assert code == 2
    assert f"warreader: {site.url('/not-a-bulletin')}: not a bulletin" in err
    assert f"warreader: {site.url(pages.aj_path(979))}: HTTP 404 Not Found" in err
    assert "Traceback" not in err
    assert stored(db) == {977: site.url(pages.aj_path(977))}


def test_a_refused_connection_is_one_clear_line(capsys, db):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, out, err = run(capsys, "--db", db, "import", f"http://127.0.0.1:{port}/day-977")
    assert code == 2
    assert err.startswith(f"warreader: http://127.0.0.1:{port}/day-977: cannot connect (")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_bad_timeout_is_refused(capsys, db, site):
    code, _, err = run(capsys, "--db", db, "import", "--timeout", "0", site.url(pages.aj_path(977)))
    assert code == 2 and "--timeout must be a number of seconds above 0" in err
    assert not requested(site.server, pages.aj_path(977))


def test_fetching_shows_a_progress_bar_on_a_terminal(capsys, db, site, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = run(capsys, "--db", db, "import", site.url("/feeds/rss.xml"))
    assert code == 0
    assert "fetching" in err and "2/2" in err
    assert "2/2" not in out and "\x1b" not in out  # the bar never writes to stdout
