"""The metadata the plugin gives every quotes database, and the site settings a publisher adds.

Datasette asks the plugin for it through the ``get_metadata`` and ``canned_queries`` hooks, so
``datasette news.db`` shows the same descriptions, facets, search and canned queries as ``quotes
serve``, and a ``--metadata`` file of the user's own adds to them: what it sets wins. Keeping it in
code makes the move of canned queries to ``datasette.yaml`` in Datasette 1.0 a change to one module.
"""

from __future__ import annotations

import json
from functools import cache

from quotes.publish.reads import GENDER_COUNTS

SOFTWARE_LICENSE = "Apache-2.0"
SOFTWARE_LICENSE_URL = "https://www.apache.org/licenses/LICENSE-2.0"
SITE_TITLE = "Quotes: who said what in the news"
SITE_DESCRIPTION = ("Direct quotes and reported claims found in news articles, attributed to their speakers "
                    "with role and organisation. Click a quote to read it highlighted in its article.")
# Settings a publisher sets for the data (the code's licence is stated apart, under "about").
SETTINGS = ("title", "description", "license", "license_url", "source", "source_url")

TABLES: dict[str, dict] = {
    "articles": {
        "description": "One row per article read, with its full text and where it came from.",
        "label_column": "title",
        "sort_desc": "published",
        "facets": ["outlet", "author"],
        "facet_size": 5,
        "fts_table": "articles_fts",
        "columns": {
            "id": "Article id: the id given by the input, else a hash of its URL or source path.",
            "title": "Headline: from the HTML page, the record, or the first line of a text file.",
            "url": "Address of the article, when known.",
            "outlet": "News outlet that published the article.",
            "author": "Byline, when known.",
            "published": "Publication date (ISO 8601), when known and readable; empty when the input's date "
                         "could not be read (see published_as_written).",
            "published_as_written": "The publication date exactly as the input wrote it.",
            "extra": "The input record's fields that no column took (JSON), such as a section or tags.",
            "text_hash": "Fingerprint of the text (white space folded): the same story in two outlets has one.",
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
        "facets": ["type", "category", "speaker_id", "speaker_org", "speaker_kind", "cue", "outlet"],
        "facet_size": 5,
        "fts_table": "quotes_fts",
        "columns": {
            "rowid": "Row number, in the order quotes were stored (the table's key; it can change when an "
                     "article is extracted again).",
            "id": "Quote id, derived from the article id and the quote's offsets: the same in every database.",
            "article_id": "The article the quote appears in.",
            "speaker_id": "The speaker, shared across articles.",
            "content": "What was said: the quoted words, or the reported claim.",
            "type": "direct (all in quotation marks), indirect (reported speech) or mixed.",
            "category": "What is attributed: speech (said or written), or, when extracted with --scope all, "
                        "belief, intention, perception or evidence.",
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
            "speaker_role_start": "Offset of the role as written (next to this mention, or next to another "
                                  "mention of the same speaker in the article).",
            "speaker_role_end": "End offset of the role.",
            "speaker_role_expanded": "What an abbreviated role stands for (\"senator\" for \"Sen.\").",
            "speaker_org_start": "Offset of the organisation as written.",
            "speaker_org_end": "End offset of the organisation.",
            "speaker_gender": "male or female, where the article gives it: a title (Mrs.), its own pronouns "
                              "(she), a gendered noun (spokeswoman), else an unambiguous forename.",
            "speaker_resolution": "How the speaker was found from the mention: name, surname, forename, short "
                                  "name, pronoun (\"pronoun, the group the sentence is about\" or \"… the thing "
                                  "…\" when it stands for an unnamed subject: \"Most voters\", \"The memo\"), "
                                  "description, acronym, relative, possessor, the writer, a statement's or "
                                  "document's author, joint (two people who speak together, \"Ana Ruiz and Tom "
                                  "Reyes\"), as written, or unresolved.",
            "speaker_name_start": "Offset of the resolved name where the article writes it, when the mention "
                                  "itself does not (a pronoun, a surname, a description).",
            "speaker_name_end": "End offset of the resolved name.",
            "speaker_gender_evidence": "What in the article gave the gender: a title (\"title Mrs.\"), a gendered "
                                       "noun (\"role spokeswoman\"), its pronouns (\"pronoun she (2)\"), or "
                                       "\"forename\" from the name list.",
        },
    },
    "corrections": {
        "description": "Corrections made by people (quotes fix, or a corrections file): applied after every "
                       "run, so they hold when articles are extracted again.",
        "sort_desc": "id",
        "facets": ["action", "status", "author", "origin"],
        "columns": {
            "id": "Correction number.",
            "action": "merge, split, rename, set, not_a_quote or reassign.",
            "subject": "What is corrected (JSON): a speaker by id or name, or a quote by its article and words.",
            "value": "The new value (JSON).",
            "author": "Who made it.",
            "created_at": "When (UTC).",
            "origin": "cli, or the corrections file it came from.",
            "note": "Why, as its author wrote.",
            "digest": "Identifies the correction, so the same one made twice is one.",
            "status": "applied, or no longer applies (its speaker or quote is gone).",
            "detail": "What it did at the last run, or why it no longer applies.",
            "checked_at": "When it was last applied (UTC).",
        },
    },
    "corrected_values": {
        "description": "Every value a correction changed, with the value it replaced: the site marks these as "
                       "corrected, and quotes fix undo puts the old ones back.",
        "columns": {
            "correction_id": "The correction.",
            "table_name": "quotes or speakers.",
            "row_id": "The quote or speaker id.",
            "field": "The column changed (* for a quote removed as not a quote).",
            "original": "The value before (JSON).",
            "value": "The value after (JSON).",
        },
    },
    "quote_variants": {
        "description": "Quotes that changed on the way, found at the end of each run: altered quotes (one "
                       "speaker, nearly the same words), excerpts (a shorter quote inside a longer quotation of "
                       "the same speaker) and the same words given to two speakers.",
        "facets": ["kind", "relation"],
        "sort_desc": "published_b",
        "columns": {
            "id": "Row number.",
            "kind": "altered, excerpt or two_speakers.",
            "relation": "How the words relate: altered, excerpt, or same (the very same words).",
            "similarity": "Word-level similarity (difflib's ratio, contractions written out); for an excerpt, the "
                          "share of the longer quotation it quotes.",
            "quote_a": "The earlier quote (for an excerpt: the excerpt).",
            "quote_b": "The later quote (for an excerpt: the quotation it comes from).",
            "speaker_a": "Speaker of quote_a.",
            "speaker_b": "Speaker of quote_b.",
            "published_a": "Date of quote_a's article.",
            "published_b": "Date of quote_b's article.",
        },
    },
    "speaker_links": {
        "description": "Names linked across articles to the one speaker they name: a surname quoted alone "
                       "in articles that never give the full name, a short forename (\"Len\" for \"Leonard\") "
                       "or an acronym. Each link says why, so "
                       "that a wrong merge can be seen.",
        "label_column": "alias_name",
        "facets": ["kind"],
        "columns": {
            "alias_key": "The match key the name would have as a speaker of its own.",
            "alias_name": "The name as quoted.",
            "kind": "person or organization.",
            "speaker_id": "The speaker its quotes are counted under.",
            "quotes": "How many quotes carry the name.",
            "reason": "Why the name was linked to that speaker.",
        },
    },
    "speakers": {
        "description": "One row per speaker across all articles: people matched on their full name, "
                       "organisations on their name, anonymous sources kept per article.",
        "label_column": "name",
        "sort_desc": "quote_count",
        "facets": ["kind", "organization", "role"],
        "facet_size": 5,
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
            "gender": "female, male, nonbinary or unknown, for people: from its articles' titles, pronouns and "
                      "gendered nouns, else an unambiguous forename, else unknown; or set by a correction.",
            "gender_evidence": "Where the gender came from, in words.",
        },
    },
    "quote_signatures": {
        "description": "The MinHash signature of each quote's canonical form, kept so that each run hashes only "
                       "new quotes when it looks for quotes that changed on the way.",
        "hidden": True,
        "columns": {"form": "A 64-bit hash of the canonical form.",
                    "signature": "60 MinHash values of 32 bits (CRC-32 of the words and word pairs, the values "
                                 "datasketch computes)."},
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
        "facet_size": 5,
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


# Views made for reading (migration m016): what the navigation bar opens.
VIEWS: dict[str, dict] = {
    "quote_list": {
        "title": "Quotes",
        "description": "Every quote (what was said or written) with who said it, where and when. Click a "
                       "quote to read it in its article, a speaker for everything they said, an id for the "
                       "quote's own page. Beliefs, intentions, perception and evidence are in attribution_list.",
        "sort_desc": "published",
        "facets": ["speaker", "type", "outlet", "kind"],
        "facet_size": 5,
        "fts_table": "quotes_fts",
        "fts_pk": "rowid",
        "columns": {
            "speaker": "Who said it: the speaker's resolved name in this article.",
            "role": "The speaker's role or title, as stated in the article.",
            "organization": "The organisation the speaker speaks for, as stated in the article.",
            "quote": "What was said: the quoted words, or the reported claim.",
            "type": "direct (all in quotation marks), indirect (reported speech) or mixed (a claim "
                    "holding quoted words).",
            "kind": "person, organization, anonymous (an unnamed source) or unknown.",
            "outlet": "The outlet that published the article.",
            "published": "Publication date of the article.",
            "article": "The article's title (its first line when it has none).",
            "id": "Quote id: opens the quote's page, with every article that has the same words.",
            "article_id": "The article: opens it with its quotes highlighted.",
            "speaker_id": "The speaker: opens their page.",
            "rowid": "Row number, for full-text search.",
        },
    },
    "article_list": {
        "title": "Articles",
        "description": "Every article read, without its text: click a title to read it with its quotes "
                       "highlighted.",
        "sort_desc": "published",
        "facets": ["outlet", "author"],
        "facet_size": 5,
        "fts_table": "articles_fts",
        "fts_pk": "rowid",
        "columns": {
            "id": "Article id: the id given by the input, else a hash of its URL or source path.",
            "title": "Headline; the first line of the text when the input gave none.",
            "outlet": "News outlet that published the article.",
            "author": "Byline, when known.",
            "published": "Publication date, when known.",
            "quotes": "Number of quotes found in the article.",
            "url": "Address of the article, when known.",
            "source": "File the article was read from; path:line for a JSON Lines or CSV record.",
            "rowid": "Row number, for full-text search.",
        },
    },
    "speaker_list": {
        "title": "Speakers",
        "description": "Everyone quoted, the most quoted first: click a name for their page.",
        "sort_desc": "quotes",
        "facets": ["kind", "gender", "organization", "role"],
        "facet_size": 5,
        "fts_table": "speakers_fts",
        "fts_pk": "rowid",
        "columns": {
            "name": "Most frequent resolved name.",
            "kind": "person, organization or anonymous.",
            "role": "Most frequent role or title.",
            "organization": "Most frequent organisation.",
            "gender": "female, male, nonbinary or unknown (people only); the speaker page says why.",
            "quotes": "Number of quotes (empty while a run is updating the speaker).",
            "articles": "Number of articles quoting the speaker.",
            "outlets": "Number of outlets quoting the speaker.",
            "first_quoted": "Date of the earliest article quoting the speaker.",
            "last_quoted": "Date of the latest article quoting the speaker.",
            "id": "Speaker id: opens their page.",
            "rowid": "Row number, for full-text search.",
        },
    },
}

# Every attribution, beliefs and intentions too (migration m026): the quote list with a category.
VIEWS["attribution_list"] = {
    **VIEWS["quote_list"],
    "title": "All attributions",
    "description": "Every attribution stored: what was said or written, and, for a database extracted with "
                   "--scope all, beliefs, intentions, perception and evidence, each with its category.",
    "facets": ["category", "speaker", "type", "outlet", "kind"],
    "columns": {"category": "speech (said or written), belief, intention, perception or evidence.",
                **VIEWS["quote_list"]["columns"]},
}

# Canned queries read what was said or written unless asked: a blank category is speech; "all" or one
# category (belief, intention, perception, evidence) reads a database extracted with --scope all.
SPEECH_UNLESS_ASKED = "(quotes.category = coalesce(nullif(:category, ''), 'speech') or :category = 'all')"
CATEGORY_NOTE = " Category: leave blank for speech; all, belief, intention, perception or evidence otherwise."

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
        "description": "All quotes by speakers whose name or an alias contains the given name." + CATEGORY_NOTE,
        "sql": f"""select quotes.id as quote_id, quotes.article_id, speakers.name as speaker, quotes.content,
  quotes.type, quotes.cue, articles.title, articles.outlet, articles.published
from quotes
join speakers on speakers.id = quotes.speaker_id
join articles on articles.id = quotes.article_id
where (speakers.name like '%' || :name || '%' or speakers.aliases like '%' || :name || '%')
  and {SPEECH_UNLESS_ASKED}
order by articles.published, quotes.article_id, quotes.start""",
    },
    "who_is_quoted_on_a_topic": {
        "title": "Who is quoted on a topic",
        "description": "Speakers of the quotes matching a full-text search (FTS5 syntax: "
                       "words, \"exact phrases\", prefix*, OR, NOT)." + CATEGORY_NOTE,
        "sql": f"""select quotes.speaker_id, quotes.speaker_name as speaker, quotes.speaker_kind as kind,
  quotes.speaker_role as role, quotes.speaker_org as organization, count(*) as quotes,
  count(distinct quotes.outlet) as outlets, min(quotes.content) as example
from quotes_fts
join quotes on quotes.rowid = quotes_fts.rowid
where quotes_fts match :topic and {SPEECH_UNLESS_ASKED}
group by coalesce(quotes.speaker_id, quotes.speaker_name)
order by quotes desc, speaker""",
    },
    "anonymous_sources_by_outlet": {
        "title": "Share of anonymous sources by outlet",
        "description": "How many of each outlet's quotes come from unnamed sources." + CATEGORY_NOTE,
        "sql": f"""select coalesce(outlet, '(unknown)') as outlet, count(*) as quotes,
  sum(speaker_kind = 'anonymous') as anonymous,
  round(100.0 * sum(speaker_kind = 'anonymous') / count(*), 1) as anonymous_percent
from quotes
where {SPEECH_UNLESS_ASKED}
group by 1
order by anonymous_percent desc, quotes desc""",
    },
    "most_quoted_organizations": {
        "title": "Most-quoted organisations",
        "description": "Organisations quoted directly or through their people." + CATEGORY_NOTE,
        "sql": f"""select coalesce(speaker_org, speaker_name) as organization, count(*) as quotes,
  count(distinct speaker_id) as speakers, count(distinct article_id) as articles,
  count(distinct outlet) as outlets
from quotes
where (speaker_org is not null or speaker_kind = 'organization') and {SPEECH_UNLESS_ASKED}
group by lower(coalesce(speaker_org, speaker_name))
order by quotes desc, organization""",
    },
    "quotes_per_day": {
        "title": "Quotes per day",
        "description": "Quotes, articles and distinct speakers by publication date." + CATEGORY_NOTE,
        "sql": f"""select substr(published, 1, 10) as day, count(*) as quotes,
  count(distinct article_id) as articles, count(distinct speaker_id) as speakers,
  sum(speaker_kind = 'anonymous') as anonymous
from quotes
where published is not null and {SPEECH_UNLESS_ASKED}
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
                       "first appeared, and how widely it was repeated." + CATEGORY_NOTE,
        "sql": f"""with groups as (
  select canonical, count(distinct article_id) as articles, count(distinct outlet) as outlets,
    count(distinct speaker_id) as speakers
  from quotes where canonical != '' and {SPEECH_UNLESS_ASKED}
  group by canonical having count(distinct article_id) > 1
), ranked as (
  select quotes.*, row_number() over (partition by quotes.canonical
    order by quotes.published is null, quotes.published, quotes.article_id, quotes.start) as position
  from quotes join groups on groups.canonical = quotes.canonical
  where {SPEECH_UNLESS_ASKED}
)
select ranked.id as quote_id, ranked.content, ranked.speaker_id, ranked.speaker_name as speaker,
  ranked.article_id, ranked.outlet as first_outlet, ranked.published as first_published,
  groups.articles, groups.outlets, groups.speakers
from ranked join groups on groups.canonical = ranked.canonical
where ranked.position = 1
order by groups.articles desc, groups.outlets desc, ranked.published""",
    },
    "women_quoted_by_outlet_and_month": {
        "title": "Women quoted, by outlet and month",
        "description": "People quoted by each outlet in each month, by gender (from their articles, else an "
                       "unambiguous forename): unknown is counted, never spread over the others.",
        "sql": f"""select coalesce(quotes.outlet, '(no outlet)') as outlet, substr(quotes.published, 1, 7) as month,
  {GENDER_COUNTS},
  round(100.0 * count(distinct case when speakers.gender = 'female' then quotes.speaker_id end)
    / count(distinct quotes.speaker_id), 1) as women_percent,
  round(100.0 * count(distinct case when coalesce(speakers.gender, 'unknown') = 'unknown' then quotes.speaker_id end)
    / count(distinct quotes.speaker_id), 1) as unknown_percent
from quotes join speakers on speakers.id = quotes.speaker_id
where speakers.kind = 'person'
group by quotes.outlet, month
order by quotes.outlet is null, quotes.outlet, month""",
    },
    "quotes_that_changed": {
        "title": "Quotes that changed on the way",
        "description": "Altered quotes, excerpts and words given to two speakers, the earlier quote first.",
        "sql": """select v.kind, v.relation, v.similarity, v.quote_a, a.content as earlier_words,
  a.speaker_name as earlier_speaker, v.speaker_a, a.outlet as earlier_outlet, v.published_a,
  v.quote_b, b.content as later_words, b.speaker_name as later_speaker, v.speaker_b, b.outlet as later_outlet,
  v.published_b
from quote_variants v join quotes a on a.id = v.quote_a join quotes b on b.id = v.quote_b
order by v.kind, v.published_b desc, v.id desc""",
    },
    "unattributed_quotes": {
        "title": "Quotes with no speaker, or one not resolved",
        "description": "Quotes the extractor could not attribute, or whose speaker it could not resolve to a name "
                       "(a pronoun or a description with no antecedent): where a reader should check." + CATEGORY_NOTE,
        "sql": f"""select quotes.id as quote_id, quotes.article_id, quotes.content, quotes.type, quotes.rule,
  quotes.speaker_as_written, articles.title, articles.outlet
from quotes join articles on articles.id = quotes.article_id
where (quotes.speaker_id is null or quotes.speaker_resolution = 'unresolved') and {SPEECH_UNLESS_ASKED}
order by articles.published, quotes.start""",
    },
}


def plugin_metadata(databases: list[str]) -> dict:
    """What the plugin adds to Datasette's metadata when ``databases`` hold quotes (none: nothing).

    The software's licence goes under "about", so that "license" and "source" stay the data's, for
    the publisher to set (``quotes serve --license``).
    """
    if not databases:
        return {}
    return json.loads(_plugin_metadata_json(tuple(databases)))  # a fresh copy: Datasette writes into it


@cache
def _plugin_metadata_json(databases: tuple[str, ...]) -> str:
    from importlib.metadata import version

    return json.dumps({
        "title": SITE_TITLE,
        "description": SITE_DESCRIPTION,
        "about": f"quotes {version('quotes')}, software licensed {SOFTWARE_LICENSE}",
        "about_url": SOFTWARE_LICENSE_URL,
        "databases": {name: {"description": "Articles, their quotes and the speakers quoted.",
                             "tables": {**TABLES, **VIEWS}} for name in databases},
    })


def site_settings(**values: str | None) -> dict:
    """Top-level metadata from a publisher's settings (title, description, license, source and URLs)."""
    unknown = set(values) - set(SETTINGS)
    if unknown:
        raise ValueError(f"unknown site settings: {', '.join(sorted(unknown))}")
    return {key: value for key, value in values.items() if value}


def settings_template() -> dict:
    """A starting point for a site settings file: every setting, to fill in or delete."""
    return {"title": SITE_TITLE, "description": SITE_DESCRIPTION, "license": "", "license_url": "",
            "source": "", "source_url": ""}
