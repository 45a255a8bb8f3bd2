"""The site stays up: ordinary states, hostile requests and slow queries give a page, never a 500.

Each case is a request through Datasette's own client on a real database, as a reader, a
newsroom intern or an attacker would send it.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
from pathlib import Path
from urllib.parse import quote as url_quote

import pytest
from datasette.app import Datasette
from datasette.database import QueryInterrupted

from quotes.model import Quote, Span, Speaker
from quotes.publish import guard, pages, reads
from quotes.publish.highlight import segments
from quotes.readers import Article
from quotes.store import Store, open_db
from tests import builders

TEXT = '"We will appeal," said Jane Doe, a lawyer. "=SUM(A1:A9) is what we owe," said Jane Doe again.'


def get(ds: Datasette, path: str, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


def raw_get(ds: Datasette, path: str, query: str) -> tuple[int, str]:
    """A GET straight to Datasette's ASGI app: httpx refuses URLs over 64 KB, which an attacker's client would not."""
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http", "path": path,
             "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8001)}

    async def run():
        await ds.invoke_startup()
        await ds.app()(scope, receive, send)

    asyncio.run(run())
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], body.decode("utf-8", errors="replace")


def jane_quote(text: str, content: str) -> Quote:
    return builders.quote(text, content, "Jane Doe", role="lawyer")


def build(path: Path, published: dict[str, str | None]) -> None:
    """One article per entry of ``published`` (id: date), each with Jane Doe's two quotes."""
    items = [(Article(text=TEXT, source=f"{aid}.txt", id=aid, title=f"Story {aid}", outlet="Herald", published=day),
              [jane_quote(TEXT, "We will appeal,"), jane_quote(TEXT, "=SUM(A1:A9) is what we owe,")])
             for aid, day in published.items()]
    Store(open_db(path)).save(items, None, "v")


@pytest.fixture(scope="module")
def path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("up") / "quotes.db"
    build(path, {"a-1": "2025-01-06", "a-2": "9999-12-31", "a-3": "0001-01-01", "a-4": "2025-13-45"})
    return path


@pytest.fixture(scope="module")
def site(path) -> Datasette:
    return Datasette([str(path)])


@pytest.fixture(scope="module")
def jane(site) -> str:
    return get(site, "/quotes/speakers.json?_shape=array").json()[0]["id"]


def test_dates_out_of_range_do_not_break_the_speaker_page(site, jane):
    for by in ("", "?by=week", "?by=month", "?by=year", "?by=century"):
        response = get(site, f"/quotes/-/speaker/{jane}{by}")
        assert response.status_code == 200, by
    html = get(site, f"/quotes/-/speaker/{jane}?by=week").text
    assert "6 quotes have no date (or one before 1800 or after 2199)" in html
    assert html.count('class="bar"') == 1


def test_speaker_page_while_a_run_is_writing_or_after_a_killed_one(path, site, jane):
    with sqlite3.connect(path) as conn:  # what a run leaves before it recomputes its speakers
        conn.execute("update speakers set quote_count = null, article_count = null, outlet_count = null")
    try:
        response = get(site, f"/quotes/-/speaker/{jane}")
        assert response.status_code == 200
        assert "A run is updating this speaker" in response.text
        assert 'class="stat-quotes">8<' in response.text  # counted from the quotes stored
        assert get(site, "/quotes/speaker_list").status_code == 200
        assert get(site, "/quotes/most_quoted_people").status_code == 200
    finally:
        with sqlite3.connect(path) as conn:
            conn.execute("update speakers set quote_count = 8, article_count = 4, outlet_count = 1")


BIG = url_quote("appeal " * 15_000)  # 105 KB


@pytest.mark.parametrize("page, query", [
    ("/quotes/-/search", f"q={BIG}"), ("/quotes/-/outlets", f"topic={BIG}"), ("/quotes/-/search", "q=a%00b"),
    ("/quotes/-/outlets", "topic=%00"), ("/quotes/-/outlets", "topic=appeal%00"), ("/quotes/-/search", "q=%1b%5b2J"),
    ("/quotes/quote_list", f"_search={BIG}"), ("/quotes/quote_list", "_search=%00"),
])
def test_huge_and_hostile_search_text_gives_a_page(site, page, query):
    status, html = raw_get(site, page, query)
    assert status in (200, 400), html[:500]
    if query.endswith(BIG) and "/-/" in page:
        assert "cut to its first 49" in html


@pytest.mark.parametrize("page", ["/quotes/-/speaker/%00", "/quotes/-/article/%00x", "/quotes/-/quote/%00",
                                  "/quotes/-/outlets?speaker=%00"])
def test_nul_in_ids_is_not_found(site, page):
    assert get(site, page).status_code in (302, 404)  # Datasette redirects a NUL in a path away


def test_a_query_past_the_time_limit_gives_a_message_not_a_500(site, monkeypatch):
    async def slow(*args, **kwargs):
        raise QueryInterrupted(sqlite3.OperationalError("interrupted"), "select …", {})

    monkeypatch.setattr(reads, "repeated_groups", slow)
    response = get(site, "/quotes/-/repeated")
    assert response.status_code == 503 and response.headers["retry-after"]
    assert "took longer than the site" in response.text and "time limit" in response.text
    assert 'class="quotes-nav"' in response.text  # the bar still leads elsewhere


def test_the_site_time_limit_stops_plugin_queries_on_a_large_database(tmp_path):
    path = tmp_path / "quotes.db"
    build(path, {f"a-{n}": f"2025-01-{n % 28 + 1:02d}" for n in range(2500)})
    ds = Datasette([str(path)], settings={"sql_time_limit_ms": 1})
    for page in ["/quotes/-/repeated", "/quotes/-/outlets", "/quotes/-/search?q=appeal"]:
        response = get(ds, page)
        assert response.status_code in (200, 503), page
        assert "time limit" in response.text, page


def test_many_quotes_in_one_article_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "QUOTE_LIMIT", 3)
    text = " ".join(f'"Point {n} stands," said Jane Doe.' for n in range(8))
    starts = [text.index(f"Point {n} stands,") for n in range(8)]
    quotes = [Quote(Span.of(text, start, start + len("Point 0 stands,")), "direct", None,
                    Speaker(None, "Jane Doe", "person"), "test", 0.9, 0, 0) for start in starts]
    path = tmp_path / "quotes.db"
    Store(open_db(path)).save([(Article(text=text, source="x.txt", id="x", title="Many"), quotes)], None, "v")
    html = get(Datasette([str(path)]), "/quotes/-/article/x").text
    assert html.count('<mark class="quote') == 3
    assert "This article has 8 quotes: the first 3 are highlighted" in html


def naive_segments(text: str, quotes: list[dict]) -> list[tuple]:
    """The specification of ``segments``: every piece, and every mark checked against it (quadratic)."""
    marks = []
    for number, q in enumerate(quotes, 1):
        for kind, a, b in (("quote", "start", "end"), ("speaker", "speaker_start", "speaker_end"),
                           ("cue", "cue_start", "cue_end")):
            if q[a] is not None:
                marks.append((kind, q[a], q[b], number))
    cuts = sorted({0, len(text)} | {m[1] for m in marks} | {m[2] for m in marks})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m[1] <= start and end <= m[2]]
        quote_numbers = [m[3] for m in covering if m[0] == "quote"]
        speakers = [m[3] for m in covering if m[0] == "speaker"]
        pieces.append((text[start:end], max(quote_numbers, default=None), min(speakers, default=None),
                       any(m[0] == "cue" for m in covering),
                       [m[3] for m in marks if m[0] == "quote" and m[1] == start],
                       [m[3] for m in marks if m[0] == "quote" and m[2] == end]))
    return pieces


@pytest.mark.parametrize("seed", range(40))
def test_highlighting_cuts_the_text_as_the_specification_does(seed):
    rng = random.Random(seed)
    text = "x" * rng.randrange(20, 200)
    quotes = []
    for _ in range(rng.randrange(0, 12)):
        start = rng.randrange(len(text))
        end = rng.randrange(start + 1, len(text) + 1)
        mention = sorted(rng.sample(range(len(text) + 1), 2)) if rng.random() < 0.7 else (None, None)
        cue = sorted(rng.sample(range(len(text) + 1), 2)) if rng.random() < 0.7 else (None, None)
        quotes.append({"start": start, "end": end, "speaker_start": mention[0], "speaker_end": mention[1],
                       "cue_start": cue[0], "cue_end": cue[1]})
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    for number, q in enumerate(quotes, 1):
        q["number"] = number
    got = [(p["text"], p["quote"]["number"] if p["quote"] else None,
            p["speaker"]["number"] if p["speaker"] else None, p["cue"], [n for n, _ in p["starts"]],
            [n for n, _ in p["ends"]]) for p in segments(text, quotes)]
    assert got == naive_segments(text, quotes)


@pytest.mark.parametrize("page", ["/", "/quotes", "/quotes/quote_list", "/quotes/-/search?q=appeal",
                                  "/quotes/-/article/nope", "/quotes/quotes.csv",
                                  "/-/static-plugins/quotes/quotes.css"])
def test_every_response_carries_security_headers(site, page):
    headers = get(site, page).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"


def test_a_local_site_answers_only_to_local_host_names(site):
    assert get(site, "/", headers={"host": "127.0.0.1:8001"}).status_code == 200
    assert get(site, "/", headers={"host": "localhost:8001"}).status_code == 200
    refused = get(site, "/quotes.json", headers={"host": "rebound.example:8001"})
    assert refused.status_code == 400 and "--allowed-host" in refused.text


def test_allowed_hosts_come_from_the_plugin_configuration(path):
    ds = Datasette([str(path)], metadata={"plugins": {"quotes": {"allowed_hosts": ["news.example.org"]}}})
    assert get(ds, "/", headers={"host": "news.example.org"}).status_code == 200
    assert get(ds, "/", headers={"host": "other.example.org"}).status_code == 400
    anyone = Datasette([str(path)], metadata={"plugins": {"quotes": {"allowed_hosts": ["*"]}}})
    assert get(anyone, "/", headers={"host": "other.example.org"}).status_code == 200


@pytest.mark.parametrize("local, host, allowed, answer", [
    ("127.0.0.1", "127.0.0.1", [], True), ("127.0.0.1", "[::1]", [], True),
    ("127.0.0.1", "attacker.example", [], False),  # DNS rebinding onto this machine
    ("192.168.1.5", "192.168.1.5", [], True),  # the address itself, typed in a browser
    ("192.168.1.5", "attacker.example", [], False), ("192.168.1.5", "desk.example", ["desk.example"], True),
    ("192.168.1.5", "anything.example", ["*"], True),
])
def test_host_check(local, host, allowed, answer):
    assert guard.host_allowed(guard.host_name(host), local, allowed) is answer


def test_sql_cannot_take_the_servers_memory(site):
    big = get(site, "/quotes.json?sql=select+randomblob(300000000)").json()
    assert big["ok"] is False and big["error"] == "string or blob too big"
    rows = "with+recursive+n(x)+as+(select+1+union+all+select+x%2B1+from+n+where+x<8)"
    many = get(site, f"/quotes.json?sql={rows}+select+zeroblob(20000000)+from+n").json()  # 8 x 20 MB
    assert many["ok"] is False and "over the site's limit" in many["error"]
    assert get(site, "/quotes.json?sql=select+1+as+one&_shape=array").json() == [{"one": 1}]


def test_csv_downloads_cannot_run_formulas_in_a_spreadsheet(site):
    for page in ["/quotes/quotes.csv?_size=max", "/quotes/quotes.csv?_stream=1", "/quotes/quote_list.csv"]:
        csv_text = get(site, page).text
        assert "'=SUM(A1:A9) is what we owe," in csv_text, page
        assert "\n=SUM" not in csv_text and ",=SUM" not in csv_text and '"=SUM' not in csv_text
    numbers = get(site, "/quotes.csv?sql=select+-5+as+n,+'-x'+as+t,+'@cmd'+as+a").text
    assert numbers.splitlines()[1] == "-5,'-x,'@cmd"


def test_formula_escaping_does_not_depend_on_where_a_stream_is_cut():
    body = 'id,text\r\n1,=A1\r\n2,"-x, ""y""\r\nz"\r\n3,+4\r\n4,"=1"\r\n5,@a\r\n'
    whole = guard.FormulaEscaper().feed(body)
    assert whole == 'id,text\r\n1,\'=A1\r\n2,"\'-x, ""y""\r\nz"\r\n3,+4\r\n4,"\'=1"\r\n5,\'@a\r\n'
    for cut in range(1, len(body)):
        escaper = guard.FormulaEscaper()
        parts = escaper.feed(body[:cut]) + escaper.feed(body[cut:])
        if body[cut - 1] in "=+-@" and body[cut - 2] in ',\n"':
            continue  # a cut right after the sign: whether "+4" is a number cannot be known yet
        assert parts == whole, cut
