CREATE TABLE "_quotes_deferred" (
   "name" TEXT PRIMARY KEY,
   "sql" TEXT
);
CREATE TABLE "_quotes_migrations" (
   "name" TEXT PRIMARY KEY,
   "applied_at" TEXT
);
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
, "crawled" TEXT);
CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "title", "text",
    tokenize='porter',
    content="articles"
);
CREATE TABLE "errors" (
   "id" INTEGER PRIMARY KEY,
   "run_id" INTEGER REFERENCES "runs"("id"),
   "source" TEXT,
   "reason" TEXT,
   "created_at" TEXT
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
   "canonical" TEXT
);
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
);
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
CREATE INDEX "idx_errors_run_id"
    ON "errors" ("run_id");
CREATE INDEX "idx_quotes_article_id"
    ON "quotes" ("article_id");
CREATE INDEX "idx_quotes_canonical"
    ON "quotes" ("canonical");
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
