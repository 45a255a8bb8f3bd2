"""Reading articles: every format keeps its metadata, and a bad input never stops the others."""

import io
import json

import pytest

from quotes.readers import (
    Article,
    FieldMap,
    Notice,
    ReadError,
    ReadOptions,
    headline,
    read_inputs,
)


def read(*inputs, **options):
    return list(read_inputs([str(i) for i in inputs], ReadOptions(**options)))


def test_text_file_title_from_headline_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text('Mayor opens bridge\n\n"It is open," the mayor said.\n', encoding="utf-8")
    [article] = read(path)
    assert article.title == "Mayor opens bridge"
    assert article.text.startswith("Mayor opens bridge")  # offsets keep the headline
    assert article.source == str(path)


def test_text_file_front_matter_becomes_metadata_and_leaves_the_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Bridge opens\ndate: 2025-03-05\noutlet: Herald\nauthor: A. Writer\n"
        "url: https://example.org/b\n---\nBody text here.\n",
        encoding="utf-8",
    )
    [article] = read(path)
    assert (article.title, article.published, article.outlet, article.author, article.url) == (
        "Bridge opens",
        "2025-03-05",
        "Herald",
        "A. Writer",
        "https://example.org/b",
    )
    assert article.text == "Body text here.\n"


def test_text_file_in_latin1_is_decoded(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(
        "Caf\xe9 owners protest\n\n\xabNous resterons ouverts\xbb, a d\xe9clar\xe9 la g\xe9rante "
        "du caf\xe9 \xe0 la presse locale.\n".encode("latin-1")
    )
    [article] = read(path)
    assert "Café owners protest" in article.text
    assert "«Nous resterons ouverts»" in article.text


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Council backs harbour wall", "Council backs harbour wall"),
        ("# Council backs harbour wall", "Council backs harbour wall"),
        ('"We will fight on," the union said.', None),
        ("The council met on Monday and voted to build the wall.", None),
    ],
)
def test_headline_only_when_the_first_line_looks_like_one(line, expected):
    assert headline(line + "\n\nMore text.") == expected


def test_html_body_and_metadata_by_trafilatura(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        """<html><head><title>Ferry starts | Gazette</title>
<meta property="og:title" content="Ferry starts">
<meta property="og:site_name" content="Gazette">
<meta property="og:url" content="https://gazette.example/ferry">
<meta name="author" content="Nadia Brook">
<meta property="article:published_time" content="2025-03-05T09:30:00+00:00">
</head><body><nav><a href="/">Home</a></nav><article><h1>Ferry starts</h1>
<p>The new ferry across the river started running on Wednesday morning with forty passengers.</p>
<p>"It was faster than the bridge ever was," said Ines Moreau, who runs a bakery on the west bank.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>""",
        encoding="utf-8",
    )
    [article] = read(path)
    assert article.title == "Ferry starts"
    assert article.outlet == "Gazette"
    assert article.author == "Nadia Brook"
    assert article.url == "https://gazette.example/ferry"
    assert article.published == "2025-03-05"
    assert "said Ines Moreau" in article.text
    assert "Subscribe" not in article.text
    assert "\n\n" in article.text  # paragraphs stay apart


def test_jsonl_rows_with_default_fields_and_errors_per_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "x1",
                        "headline": "One",
                        "body": "Text one.",
                        "link": "https://e.org/1",
                        "published": "Tue, 05 Mar 2024 10:00:00 GMT",
                        "publisher": "Wire",
                        "source": "Reuters feed",
                    }
                ),
                "{not json",
                json.dumps({"id": "x3", "title": "No text"}),
                "",
                json.dumps({"id": "x4", "text": "Text four.", "authors": ["A", "B"]}),
            ]
        ),
        encoding="utf-8",
    )
    items = [item for item in read(path) if not isinstance(item, Notice)]
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "ReadError", "Article"]
    first = items[0]
    assert (first.id, first.title, first.text, first.url, first.outlet) == (
        "x1",
        "One",
        "Text one.",
        "https://e.org/1",
        "Wire",
    )
    assert first.published == "2024-03-05T10:00:00+00:00"
    assert first.published_as_written == "Tue, 05 Mar 2024 10:00:00 GMT"
    assert first.extra == {"source": "Reuters feed"}  # a field no piece takes is kept, not guessed at
    assert first.source == f"{path}:1"
    assert items[1].source == f"{path}:2" and "invalid JSON" in items[1].reason
    assert "no text" in items[2].reason
    assert items[3].author == "A, B"


def test_csv_with_field_options(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('key;story;when\nk1;"Line one\nline two";2025-01-02\n', encoding="utf-8")
    fields = FieldMap.with_overrides(id="key", text="story", date="when")
    [notice, article] = read(path, fields=fields)
    assert (article.id, article.text, article.published) == ("k1", "Line one\nline two", "2025-01-02")
    assert notice.message == "text=story, id=key, date=when"


def test_json_array(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]), encoding="utf-8")
    assert [a.id for a in read(path) if isinstance(a, Article)] == ["a", "b"]


def test_folder_is_read_recursively_with_glob_and_skips_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "c.md").write_text("C text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert sorted(a.text for a in read(tmp_path)) == ["A text.", "B text.", "C text."]
    assert sorted(a.text for a in read(tmp_path, glob="*.txt")) == ["A text.", "B text."]


def test_missing_and_empty_inputs_become_errors_not_exceptions(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    items = read(tmp_path / "missing.txt", empty)
    assert all(isinstance(i, ReadError) for i in items)
    assert [i.reason for i in items] == ["no such file or directory", "empty article"]


def test_stdin_format_is_sniffed():
    text = list(read_inputs(["-"], stdin=io.BytesIO(b"Plain text article.")))
    records = list(read_inputs(["-"], stdin=io.BytesIO(b'{"id": "s1", "text": "From a pipe."}\n')))
    assert isinstance(text[0], Article) and text[0].source == "<stdin>"
    assert records[1].id == "s1" and records[0] == Notice("<stdin>", "text=text, id=id")


def test_outlet_option_fills_only_missing_outlets(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "One.", "outlet": "Wire"}\n{"text": "Two."}\n', encoding="utf-8")
    assert [a.outlet for a in read(path, outlet="Herald") if isinstance(a, Article)] == ["Wire", "Herald"]


