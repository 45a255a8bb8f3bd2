"""Datasette metadata for a quotes database, generated from code.

``quotes metadata`` writes it to ``metadata.json``; a test keeps the committed file equal to
what this module builds. Keeping it in code makes the move of canned queries to
``datasette.yaml`` in Datasette 1.0 a change to one function.
"""

from __future__ import annotations

import copy
import json

TABLES: dict[str, dict] = {
    "articles": {
        "description": "One row per article read, with its full text and where it came from.",
        "label_column": "title",
        "sort_desc": "published",
        "facets": ["outlet", "author"],
        "fts_table": "articles_fts",
        "columns": {
            "id": "Article id: the id given by the input, else a hash of its URL or source path.",
            "title": "Headline: from the HTML page, the record, or the first line of a text file.",
            "url": "Address of the article, when known.",
            "outlet": "News outlet that published the article.",
            "author": "Byline, when known.",
            "published": "Publication date (ISO 8601), when known.",
            "crawled": "When a web crawler fetched the page (WARC-Date, ISO 8601), for articles read from WARC files.",
            "source": "File the article was read from; path:line for a JSON Lines or CSV record.",
            "text": "Full text; every quote offset refers to it.",
            "content_hash": "Hash of the text and metadata, to skip unchanged articles on re-runs.",
            "extractor_version": "Tool version, code hash and lexicon hash the quotes were extracted with.",
            "quote_count": "Number of quotes found in the article.",
            "run_id": "The run that last extracted the article.",
            "extracted_at": "When the quotes were last extracted (UTC).",
        },
    },
    "quotes": {
        "description": "Every direct quote and reported claim, attributed to its speaker. "
                       "Click a quote to read it highlighted in its article.",
        "sort_desc": "published",
        "facets": ["type", "speaker_id", "speaker_org", "speaker_kind", "cue", "outlet"],
        "fts_table": "quotes_fts",
        "columns": {
            "rowid": "Row number, in the order quotes were stored (the table's key; it can change when an "
                     "article is extracted again).",
            "id": "Quote id, derived from the article id and the quote's offsets: the same in every database.",
            "article_id": "The article the quote appears in.",
            "speaker_id": "The speaker, shared across articles.",
            "content": "What was said: the quoted words, or the reported claim.",
            "type": "direct (all in quotation marks), indirect (reported speech) or mixed.",
            "speaker_name": "Speaker's resolved name, as in this article.",
            "speaker_as_written": "The speaker mention next to the cue, as written (may be a pronoun).",
            "speaker_kind": "person, organization, anonymous (an unnamed source) or unknown.",
            "speaker_role": "Speaker's role or title, from an appositive or title (\"spokesperson\").",
            "speaker_org": "Organisation the speaker speaks for, when stated.",
            "cue": "Reporting verb or phrase that attributes the quote (\"said\", \"according to\").",
            "rule": "Attribution pattern that found the quote, to explain each result.",
            "confidence": "Extractor's confidence in the attribution, from 0 to 1.",
            "outlet": "Outlet of the article (copied here for facets).",
            "published": "Publication date of the article (copied here for facets and sorting).",
            "start": "Character offset where the content starts in the article text.",
            "end": "Character offset where the content ends (exclusive).",
            "speaker_start": "Offset of the speaker mention.",
            "speaker_end": "End offset of the speaker mention.",
            "cue_start": "Offset of the cue.",
            "cue_end": "End offset of the cue.",
            "sentence": "Index of the sentence where the content starts.",
            "paragraph": "Index of the paragraph where the content starts.",
            "continuation": "1 when the quote carries on an earlier quote of the same speaker.",
            "quote_group": "Shared by the fragments of one quote split by its attribution.",
            "extra": "Further details from the extractor, as JSON.",
            "canonical": "The content folded for matching (case, punctuation, accents and spacing, as "
                         "Quotebank does): quotes with equal canonical forms are the same quote. "
                         "Click one to see every article it appears in.",
        },
    },
    "speakers": {
        "description": "One row per speaker across all articles: people matched on their full name, "
                       "organisations on their name, anonymous sources kept per article.",
        "label_column": "name",
        "sort_desc": "quote_count",
        "facets": ["kind", "organization", "role"],
        "fts_table": "speakers_fts",
        "columns": {
            "id": "Speaker id, derived from the match key.",
            "name": "Most frequent resolved name.",
            "kind": "person, organization or anonymous.",
            "role": "Most frequent role or title.",
            "organization": "Most frequent organisation.",
            "aliases": "Every name and mention the speaker was quoted under (JSON array).",
            "quote_count": "Number of quotes.",
            "article_count": "Number of articles quoting the speaker.",
            "outlet_count": "Number of outlets quoting the speaker.",
            "first_published": "Date of the earliest article quoting the speaker.",
            "last_published": "Date of the latest article quoting the speaker.",
            "match_key": "What speakers are matched on across articles (folded name and kind).",
        },
    },
    "runs": {
        "description": "One row per `quotes extract` run: versions, inputs, counts and timing.",
        "sort_desc": "id",
        "columns": {
            "id": "Run number.",
            "started_at": "Start time (UTC).",
            "finished_at": "End time (UTC).",
            "seconds": "Duration in seconds.",
            "status": "completed, interrupted (the process died, marked by the next run), or running.",
            "host": "Machine the run ran on.",
            "pid": "Process id of the run on that machine.",
            "tool_version": "Version of the quotes package.",
            "extractor_version": "Tool version, code hash and lexicon hash.",
            "lexicon_hash": "Hash of the lexicon (built in plus --lexicon files).",
            "inputs": "Paths given on the command line (JSON array).",
            "articles_read": "Articles read.",
            "articles_extracted": "Articles new or changed, extracted in this run.",
            "articles_unchanged": "Articles skipped because nothing had changed.",
            "quotes_stored": "Quotes stored by this run.",
            "speakers": "Speakers in the database after the run.",
            "errors": "Inputs or articles skipped with an error.",
        },
    },
    "errors": {
        "description": "What a run skipped, and why.",
        "sort_desc": "id",
        "facets": ["run_id"],
        "columns": {
            "id": "Error number.",
            "run_id": "The run that met the error.",
            "source": "File, or file:line, that failed.",
            "reason": "Why it was skipped.",
            "created_at": "When (UTC).",
        },
    },
    "_quotes_migrations": {
        "description": "Schema migrations applied to this database.",
        "hidden": True,
        "columns": {"name": "Migration function name.", "applied_at": "When it was applied (UTC)."},
    },
    "_quotes_deferred": {
        "description": "Indexes and full-text search a bulk load into an empty database builds at its end; "
                       "empty except while such a run writes, or after one was killed (the next run builds them).",
        "hidden": True,
        "columns": {"name": "The index, trigger or full-text table.", "sql": "The statement that builds it."},
    },
}

QUERIES: dict[str, dict] = {
    "most_quoted_people": {
        "title": "Most-quoted people",
        "description": "People ranked by number of quotes, with role, organisation and reach.",
        "sql": """select id as speaker_id, name, role, organization, quote_count, article_count, outlet_count
from speakers
where kind = 'person'
order by quote_count desc, article_count desc, name
limit 100""",
    },
    "everything_one_person_said": {
        "title": "Everything one person said",
        "description": "All quotes by speakers whose name or an alias contains the given name.",
        "sql": """select quotes.id as quote_id, quotes.article_id, speakers.name as speaker, quotes.content,
  quotes.type, quotes.cue, articles.title, articles.outlet, articles.published
from quotes
join speakers on speakers.id = quotes.speaker_id
join articles on articles.id = quotes.article_id
where speakers.name like '%' || :name || '%' or speakers.aliases like '%' || :name || '%'
order by articles.published, quotes.article_id, quotes.start""",
    },
    "who_is_quoted_on_a_topic": {
        "title": "Who is quoted on a topic",
        "description": "Speakers of the quotes matching a full-text search (FTS5 syntax: "
                       "words, \"exact phrases\", prefix*, OR, NOT).",
        "sql": """select quotes.speaker_id, quotes.speaker_name as speaker, quotes.speaker_kind as kind,
  quotes.speaker_role as role, quotes.speaker_org as organization, count(*) as quotes,
  count(distinct quotes.outlet) as outlets, min(quotes.content) as example
from quotes_fts
join quotes on quotes.rowid = quotes_fts.rowid
where quotes_fts match :topic
group by coalesce(quotes.speaker_id, quotes.speaker_name)
order by quotes desc, speaker""",
    },
    "anonymous_sources_by_outlet": {
        "title": "Share of anonymous sources by outlet",
        "description": "How many of each outlet's quotes come from unnamed sources.",
        "sql": """select coalesce(outlet, '(unknown)') as outlet, count(*) as quotes,
  sum(speaker_kind = 'anonymous') as anonymous,
  round(100.0 * sum(speaker_kind = 'anonymous') / count(*), 1) as anonymous_percent
from quotes
group by 1
order by anonymous_percent desc, quotes desc""",
    },
    "most_quoted_organizations": {
        "title": "Most-quoted organisations",
        "description": "Organisations quoted directly or through their people.",
        "sql": """select coalesce(speaker_org, speaker_name) as organization, count(*) as quotes,
  count(distinct speaker_id) as speakers, count(distinct article_id) as articles,
  count(distinct outlet) as outlets
from quotes
where speaker_org is not null or speaker_kind = 'organization'
group by lower(coalesce(speaker_org, speaker_name))
order by quotes desc, organization""",
    },
    "quotes_per_day": {
        "title": "Quotes per day",
        "description": "Quotes, articles and distinct speakers by publication date.",
        "sql": """select substr(published, 1, 10) as day, count(*) as quotes,
  count(distinct article_id) as articles, count(distinct speaker_id) as speakers,
  sum(speaker_kind = 'anonymous') as anonymous
from quotes
where published is not null
group by day
order by day""",
    },
    "speakers_across_outlets": {
        "title": "Speakers quoted across many outlets",
        "description": "Speakers quoted by more than one outlet, the widest reach first.",
        "sql": """select id as speaker_id, name, kind, role, organization,
  outlet_count, article_count, quote_count
from speakers
where outlet_count > 1
order by outlet_count desc, quote_count desc, name""",
    },
    "same_quote_in_many_articles": {
        "title": "The same quote in many articles",
        "description": "Quotes whose canonical form appears in more than one article: where each "
                       "first appeared, and how widely it was repeated.",
        "sql": """with groups as (
  select canonical, count(distinct article_id) as articles, count(distinct outlet) as outlets,
    count(distinct speaker_id) as speakers
  from quotes where canonical != '' group by canonical having count(distinct article_id) > 1
), ranked as (
  select quotes.*, row_number() over (partition by quotes.canonical
    order by quotes.published is null, quotes.published, quotes.article_id, quotes.start) as position
  from quotes join groups on groups.canonical = quotes.canonical
)
select ranked.id as quote_id, ranked.content, ranked.speaker_id, ranked.speaker_name as speaker,
  ranked.article_id, ranked.outlet as first_outlet, ranked.published as first_published,
  groups.articles, groups.outlets, groups.speakers
from ranked join groups on groups.canonical = ranked.canonical
where ranked.position = 1
order by groups.articles desc, groups.outlets desc, ranked.published""",
    },
    "unattributed_quotes": {
        "title": "Quotes with no speaker",
        "description": "Quotes the extractor could not attribute: where a reader should check.",
        "sql": """select quotes.id as quote_id, quotes.article_id, quotes.content, quotes.type, quotes.rule,
  articles.title, articles.outlet
from quotes join articles on articles.id = quotes.article_id
where quotes.speaker_id is null
order by articles.published, quotes.start""",
    },
}


def build_metadata(database: str = "quotes") -> dict:
    """The metadata for a quotes database served under the name ``database``."""
    return {
        "title": "Quotes: who said what in the news",
        "description": "Direct quotes and reported claims found in news articles, attributed to "
                       "their speakers with role and organisation. Extracted with the quotes tool; "
                       "click a quote to read it highlighted in its article.",
        "license": "Apache-2.0 (code); articles remain under their publishers' terms",
        "license_url": "https://www.apache.org/licenses/LICENSE-2.0",
        "source": "quotes: rule-based quote extraction and attribution",
        "databases": {
            database: {
                "description": "Articles, their quotes and the speakers quoted.",
                # copies: Datasette writes into the metadata it is given (source, licence per table)
                "tables": copy.deepcopy(TABLES),
                "queries": copy.deepcopy(QUERIES),
            }
        },
    }


def metadata_json(database: str = "quotes") -> str:
    return json.dumps(build_metadata(database), indent=2, ensure_ascii=False) + "\n"
