CREATE TABLE "_quotes_deferred" (
   "name" TEXT PRIMARY KEY,
   "sql" TEXT
);
CREATE TABLE "_quotes_migrations" (
   "name" TEXT PRIMARY KEY,
   "applied_at" TEXT
);
CREATE VIEW article_list as
select articles.id as id, coalesce(nullif(trim(articles.title), ''), (
    select case when length(line) > 100 then rtrim(substr(line, 1, 99)) || '…' else nullif(line, '') end
    from (select trim(substr(body, 1, instr(body || char(10), char(10)) - 1)) as line
          from (select ltrim(substr(coalesce(articles.text, ''), 1, 2000), ' ' || char(9, 10, 13)) as body))
  ), articles.id) as title,
  articles.outlet as outlet, articles.author as author, articles.published as published,
  articles.quote_count as quotes, articles.url as url, articles.source as source, articles.rowid as rowid
from articles;
CREATE TABLE "articles" (
   "id" TEXT PRIMARY KEY,
   "title" TEXT,
   "url" TEXT,
   "outlet" TEXT,
   "author" TEXT,
   "published" TEXT,
   "source" TEXT,
   "text" TEXT,
   "content_hash" TEXT,
   "extractor_version" TEXT,
   "quote_count" INTEGER,
   "run_id" INTEGER REFERENCES "runs"("id"),
   "extracted_at" TEXT
, "crawled" TEXT, "published_as_written" TEXT, "extra" TEXT, "text_hash" TEXT);
CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "title", "text",
    tokenize='porter',
    content="articles"
);
CREATE VIEW attribution_list as
select quotes.category as category, quotes.speaker_name as speaker, quotes.speaker_role as role, quotes.speaker_org as organization,
  quotes.content as quote, quotes.type as type, quotes.speaker_kind as kind, quotes.outlet as outlet,
  quotes.published as published, article_list.title as article, quotes.id as id,
  quotes.article_id as article_id, quotes.speaker_id as speaker_id, quotes.rowid as rowid
from quotes left join article_list on article_list.id = quotes.article_id;
CREATE TABLE "corrected_values" (
   "correction_id" INTEGER REFERENCES "corrections"("id"),
   "table_name" TEXT,
   "row_id" TEXT,
   "field" TEXT,
   "original" TEXT,
   "value" TEXT,
   PRIMARY KEY ("correction_id", "table_name", "row_id", "field")
);
CREATE TABLE "corrections" (
   "id" INTEGER PRIMARY KEY,
   "action" TEXT,
   "subject" TEXT,
   "value" TEXT,
   "author" TEXT,
   "created_at" TEXT,
   "origin" TEXT,
   "note" TEXT,
   "digest" TEXT,
   "status" TEXT,
   "detail" TEXT,
   "checked_at" TEXT
);
CREATE TABLE "errors" (
   "id" INTEGER PRIMARY KEY,
   "run_id" INTEGER REFERENCES "runs"("id"),
   "source" TEXT,
   "reason" TEXT,
   "created_at" TEXT
);
CREATE VIEW quote_list as
select quotes.speaker_name as speaker, quotes.speaker_role as role, quotes.speaker_org as organization,
  quotes.content as quote, quotes.type as type, quotes.speaker_kind as kind, quotes.outlet as outlet,
  quotes.published as published, article_list.title as article, quotes.id as id,
  quotes.article_id as article_id, quotes.speaker_id as speaker_id, quotes.rowid as rowid
from quotes left join article_list on article_list.id = quotes.article_id
where quotes.category = 'speech';
CREATE TABLE "quote_signatures" (
   "form" INTEGER PRIMARY KEY,
   "signature" BLOB
);
CREATE TABLE "quote_variants" (
   "id" INTEGER PRIMARY KEY,
   "kind" TEXT,
   "relation" TEXT,
   "similarity" REAL,
   "quote_a" TEXT,
   "quote_b" TEXT,
   "speaker_a" TEXT,
   "speaker_b" TEXT,
   "published_a" TEXT,
   "published_b" TEXT
);
CREATE TABLE "quotes" (
   "rowid" INTEGER PRIMARY KEY,
   "id" TEXT,
   "article_id" TEXT REFERENCES "articles"("id"),
   "speaker_id" TEXT REFERENCES "speakers"("id"),
   "content" TEXT,
   "type" TEXT,
   "speaker_name" TEXT,
   "speaker_as_written" TEXT,
   "speaker_kind" TEXT,
   "speaker_role" TEXT,
   "speaker_org" TEXT,
   "cue" TEXT,
   "rule" TEXT,
   "confidence" REAL,
   "outlet" TEXT,
   "published" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "speaker_start" INTEGER,
   "speaker_end" INTEGER,
   "cue_start" INTEGER,
   "cue_end" INTEGER,
   "sentence" INTEGER,
   "paragraph" INTEGER,
   "continuation" INTEGER,
   "quote_group" INTEGER,
   "extra" TEXT,
   "canonical" TEXT,
   "speaker_role_start" INTEGER,
   "speaker_role_end" INTEGER,
   "speaker_role_expanded" TEXT,
   "speaker_org_start" INTEGER,
   "speaker_org_end" INTEGER,
   "speaker_gender" TEXT,
   "speaker_resolution" TEXT,
   "speaker_name_start" INTEGER,
   "speaker_name_end" INTEGER
, "speaker_gender_evidence" TEXT, "category" TEXT NOT NULL DEFAULT 'speech');
CREATE VIRTUAL TABLE "quotes_fts" USING FTS5 (
    "content",
    tokenize='porter',
    content="quotes"
);
CREATE TABLE "runs" (
   "id" INTEGER PRIMARY KEY,
   "started_at" TEXT,
   "finished_at" TEXT,
   "seconds" REAL,
   "status" TEXT,
   "tool_version" TEXT,
   "extractor_version" TEXT,
   "lexicon_hash" TEXT,
   "inputs" TEXT,
   "articles_read" INTEGER,
   "articles_extracted" INTEGER,
   "articles_unchanged" INTEGER,
   "quotes_stored" INTEGER,
   "speakers" INTEGER,
   "errors" INTEGER
, "host" TEXT, "pid" INTEGER);
CREATE TABLE "speaker_links" (
   "alias_key" TEXT PRIMARY KEY,
   "alias_name" TEXT,
   "kind" TEXT,
   "speaker_id" TEXT,
   "quotes" INTEGER,
   "reason" TEXT
);
CREATE VIEW speaker_list as
select speakers.name as name, speakers.kind as kind, speakers.role as role,
  speakers.organization as organization, speakers.gender as gender, speakers.quote_count as quotes,
  speakers.article_count as articles, speakers.outlet_count as outlets, speakers.first_published as first_quoted,
  speakers.last_published as last_quoted, speakers.id as id, speakers.rowid as rowid
from speakers;
CREATE TABLE "speakers" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "kind" TEXT,
   "role" TEXT,
   "organization" TEXT,
   "aliases" TEXT,
   "quote_count" INTEGER,
   "article_count" INTEGER,
   "outlet_count" INTEGER,
   "first_published" TEXT,
   "last_published" TEXT,
   "match_key" TEXT
, "gender" TEXT, "gender_evidence" TEXT);
CREATE VIRTUAL TABLE "speakers_fts" USING FTS5 (
    "name", "aliases",
    content="speakers"
);
CREATE INDEX "idx_articles_outlet"
    ON "articles" ("outlet");
CREATE INDEX "idx_articles_published"
    ON "articles" ("published");
CREATE INDEX "idx_articles_run_id"
    ON "articles" ("run_id");
CREATE INDEX "idx_articles_text_hash"
    ON "articles" ("text_hash");
CREATE INDEX "idx_corrected_values_table_name_row_id"
    ON "corrected_values" ("table_name", "row_id");
CREATE UNIQUE INDEX "idx_corrections_digest"
    ON "corrections" ("digest");
CREATE INDEX "idx_corrections_origin"
    ON "corrections" ("origin");
CREATE INDEX "idx_errors_run_id"
    ON "errors" ("run_id");
CREATE INDEX "idx_quote_variants_kind_published_b_id"
    ON "quote_variants" ("kind", "published_b", "id");
CREATE INDEX "idx_quote_variants_quote_a"
    ON "quote_variants" ("quote_a");
CREATE INDEX "idx_quote_variants_quote_b"
    ON "quote_variants" ("quote_b");
CREATE INDEX "idx_quote_variants_speaker_a"
    ON "quote_variants" ("speaker_a");
CREATE INDEX "idx_quote_variants_speaker_b"
    ON "quote_variants" ("speaker_b");
CREATE INDEX "idx_quotes_article_id"
    ON "quotes" ("article_id");
CREATE INDEX "idx_quotes_canonical"
    ON "quotes" ("canonical");
CREATE INDEX "idx_quotes_category"
    ON "quotes" ("category");
CREATE UNIQUE INDEX "idx_quotes_id"
    ON "quotes" ("id");
CREATE INDEX "idx_quotes_outlet"
    ON "quotes" ("outlet");
CREATE INDEX "idx_quotes_published"
    ON "quotes" ("published");
CREATE INDEX "idx_quotes_speaker_id"
    ON "quotes" ("speaker_id");
CREATE INDEX "idx_quotes_speaker_kind"
    ON "quotes" ("speaker_kind");
CREATE INDEX "idx_quotes_speaker_org"
    ON "quotes" ("speaker_org");
CREATE INDEX "idx_quotes_type"
    ON "quotes" ("type");
CREATE INDEX "idx_speaker_links_speaker_id"
    ON "speaker_links" ("speaker_id");
CREATE INDEX "idx_speakers_gender"
    ON "speakers" ("gender");
CREATE UNIQUE INDEX "idx_speakers_match_key"
    ON "speakers" ("match_key");
CREATE INDEX "idx_speakers_quote_count"
    ON "speakers" ("quote_count");
CREATE TRIGGER "articles_ad" AFTER DELETE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text") VALUES('delete', old.rowid, old."title", old."text");
END;
CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text") VALUES('delete', old.rowid, old."title", old."text");
  INSERT INTO "articles_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END;
CREATE TRIGGER "quotes_ad" AFTER DELETE ON "quotes" BEGIN
  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "content") VALUES('delete', old.rowid, old."content");
END;
CREATE TRIGGER "quotes_au" AFTER UPDATE ON "quotes" BEGIN
  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "content") VALUES('delete', old.rowid, old."content");
  INSERT INTO "quotes_fts" (rowid, "content") VALUES (new.rowid, new."content");
END;
CREATE TRIGGER "speakers_ad" AFTER DELETE ON "speakers" BEGIN
  INSERT INTO "speakers_fts" ("speakers_fts", rowid, "name", "aliases") VALUES('delete', old.rowid, old."name", old."aliases");
END;
CREATE TRIGGER "speakers_ai" AFTER INSERT ON "speakers" BEGIN
  INSERT INTO "speakers_fts" (rowid, "name", "aliases") VALUES (new.rowid, new."name", new."aliases");
END;
CREATE TRIGGER "speakers_au" AFTER UPDATE ON "speakers" BEGIN
  INSERT INTO "speakers_fts" ("speakers_fts", rowid, "name", "aliases") VALUES('delete', old.rowid, old."name", old."aliases");
  INSERT INTO "speakers_fts" (rowid, "name", "aliases") VALUES (new.rowid, new."name", new."aliases");
END;
