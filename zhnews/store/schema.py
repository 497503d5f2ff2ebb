"""The knowledge-base schema, one text for SQLite and PostgreSQL.

Plain tables a user can query with SQL (or browse in Datasette): every fact row
carries `article_id` and `start_offset`/`end_offset` into `articles.text`, so
`substr(articles.text, start_offset + 1, end_offset - start_offset)` is the
fact as written. Offsets are named `*_offset` because `end` is reserved in
PostgreSQL. Only the id and binary column types and the full-text index differ
between the two backends; `{ID}` and `{BLOB}` are filled in per backend. Comments inside CREATE TABLE are
kept by SQLite, so `.schema` shows them.
"""

from __future__ import annotations

# A scanned page's image, downsized (formats.image.keep_copy): what the article
# view crops an article's regions from. Kept in the base, not referenced by
# path, so that the base alone shows them (moved, copied, served elsewhere).
PAGE_IMAGES = """CREATE TABLE IF NOT EXISTS page_images (
    page_id BIGINT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    page_no INTEGER NOT NULL,            -- 1-based, as regions' page
    width   INTEGER NOT NULL,            -- of the stored copy, in pixels
    height  INTEGER NOT NULL,
    mime    TEXT NOT NULL,               -- image/webp
    data    {BLOB} NOT NULL,
    PRIMARY KEY (page_id, page_no)
);"""

SCHEMA_VERSION = "3"
# Version 1 → 2: pages record what made them (zhnews_version, extractor); the
# base records the tokenizer its search index was built with.
# Version 2 → 3: articles record where they are printed (`regions`), and a
# scanned page keeps a downsized copy of its image (`page_images`).
# Each step is the statements that take a base from the version before it
# (`{ID}`, `{BLOB}` filled in per backend by `for_backend`); `versions.check`
# applies them in one transaction.
MIGRATIONS: dict[str, list[str]] = {
    "1": [
        "ALTER TABLE pages ADD COLUMN zhnews_version TEXT",
        "ALTER TABLE pages ADD COLUMN extractor TEXT",
    ],
    "2": [
        "ALTER TABLE articles ADD COLUMN regions TEXT",
        PAGE_IMAGES,
    ],
}
# PRAGMA application_id of a zhnews SQLite file ("ZHNB" in ASCII): lets us
# tell our own file from someone else's database before touching it.
APPLICATION_ID = 0x5A484E42

TABLES = """
CREATE TABLE IF NOT EXISTS zhnews_meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS pages (
    id           {ID},
    source       TEXT NOT NULL UNIQUE,   -- file path, or URL / file#line for a JSONL record
    content_hash TEXT NOT NULL,          -- sha256 of the input bytes (re-ingest of same content = no-op)
    input        TEXT,
    published    TEXT,                   -- issue date YYYY-MM-DD
    outlet       TEXT,
    format       TEXT,
    encoding     TEXT,
    warnings     TEXT,                   -- JSON list
    ingested_at  TEXT NOT NULL,
    zhnews_version TEXT,                 -- the zhnews that extracted the page (NULL: before schema 2)
    extractor    TEXT                    -- version + fingerprint of its models and lexicons (zhnews.provenance)
);
CREATE INDEX IF NOT EXISTS pages_hash ON pages (content_hash);

CREATE TABLE IF NOT EXISTS articles (
    id             {ID},
    page_id        BIGINT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,     -- position of the article on its page (0-based)
    headline       TEXT,
    subheadline    TEXT,
    kicker         TEXT,
    date           TEXT,                 -- the article's date, else the issue date (YYYY-MM-DD)
    dateline_date  TEXT,                 -- the date the article itself states (may be NULL)
    published      TEXT,                 -- issue date
    outlet         TEXT,
    url            TEXT,
    dateline       TEXT,
    place          TEXT,
    byline_outlet  TEXT,
    reporters      TEXT,                 -- JSON list of names
    correspondents TEXT,                 -- JSON list of names
    text           TEXT NOT NULL,        -- cleaned body; all offsets point into it
    paragraphs     TEXT,                 -- JSON list of {start, end, heading}
    source_start   INTEGER,              -- offsets of the article in the page's input text
    source_end     INTEGER,
    regions        TEXT                  -- JSON list of {page, x0, y0, x1, y1}: where it is printed, shares (0..1)
                                         -- of the page's width/height (PDF and scans; NULL for text)
);
CREATE INDEX IF NOT EXISTS articles_page ON articles (page_id);

{PAGE_IMAGES}
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet);

-- One row per real person (consolidated across articles by name + title evidence).
CREATE TABLE IF NOT EXISTS people (
    id    {ID},
    name  TEXT NOT NULL,
    note  TEXT                           -- why this record exists beside another of the same name
);
CREATE INDEX IF NOT EXISTS people_name ON people (name);

-- A person as read in one article; link_reason records the evidence for the link to people.id.
CREATE TABLE IF NOT EXISTS article_people (
    article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_id   BIGINT NOT NULL REFERENCES people (id),
    name        TEXT NOT NULL,
    titles      TEXT,                    -- JSON list, as written next to the name
    source      TEXT,                    -- body | byline | headline
    link_reason TEXT,                    -- new | title:<shared title> | prefix:<shared prefix> | name-only
    PRIMARY KEY (article_id, person_id)
);
CREATE INDEX IF NOT EXISTS article_people_person ON article_people (person_id);

-- Evidence that two person records share a name but were kept apart.
CREATE TABLE IF NOT EXISTS person_evidence (
    id              {ID},
    person_id       BIGINT NOT NULL REFERENCES people (id),
    other_person_id BIGINT NOT NULL REFERENCES people (id),
    article_id      BIGINT REFERENCES articles (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,       -- conflicting-titles
    detail          TEXT
);
CREATE INDEX IF NOT EXISTS person_evidence_person ON person_evidence (person_id);

-- One row per organization (canonical name); aliases map short forms to it.
CREATE TABLE IF NOT EXISTS organizations (
    id    {ID},
    name  TEXT NOT NULL UNIQUE,
    kind  TEXT
);
CREATE TABLE IF NOT EXISTS org_aliases (
    alias           TEXT PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    source          TEXT                 -- lexicon | extracted
);

CREATE TABLE IF NOT EXISTS article_organizations (
    article_id      BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    name            TEXT NOT NULL,       -- as written in the article
    kind            TEXT,
    PRIMARY KEY (article_id, organization_id, name)
);
CREATE INDEX IF NOT EXISTS article_organizations_org ON article_organizations (organization_id);

-- Every occurrence of a person, organization or place in articles.text.
CREATE TABLE IF NOT EXISTS mentions (
    id              {ID},
    article_id      BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity          TEXT NOT NULL,       -- person | organization | place
    person_id       BIGINT REFERENCES people (id),
    organization_id BIGINT REFERENCES organizations (id),
    name            TEXT NOT NULL,       -- the entity's name (place name for places)
    text            TEXT NOT NULL,       -- as written at the offsets
    start_offset    INTEGER NOT NULL,
    end_offset      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
CREATE INDEX IF NOT EXISTS mentions_person ON mentions (person_id);
CREATE INDEX IF NOT EXISTS mentions_org ON mentions (organization_id);

-- Titles a person held, as written in one article (date = the article's date).
CREATE TABLE IF NOT EXISTS titles (
    id           {ID},
    article_id   BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_id    BIGINT NOT NULL REFERENCES people (id),
    title        TEXT NOT NULL,
    date         TEXT,
    start_offset INTEGER,                -- NULL when the title was not located in the body
    end_offset   INTEGER
);
CREATE INDEX IF NOT EXISTS titles_person ON titles (person_id, title);
CREATE INDEX IF NOT EXISTS titles_article ON titles (article_id);

CREATE TABLE IF NOT EXISTS places (
    id         {ID},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    resolved   TEXT
);
CREATE INDEX IF NOT EXISTS places_article ON places (article_id);
CREATE INDEX IF NOT EXISTS places_name ON places (name);

CREATE TABLE IF NOT EXISTS statements (
    id            {ID},
    article_id    BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,      -- index in the article's statements (lists.statement_seq)
    kind          TEXT NOT NULL,         -- answer | said | quote
    speaker       TEXT,
    person_id     BIGINT REFERENCES people (id),
    asked_by      TEXT,
    topic         TEXT,
    verb          TEXT,
    text          TEXT NOT NULL,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    topic_start   INTEGER,
    topic_end     INTEGER
);
CREATE INDEX IF NOT EXISTS statements_article ON statements (article_id);
CREATE INDEX IF NOT EXISTS statements_person ON statements (person_id);

CREATE TABLE IF NOT EXISTS figures (
    id              {ID},
    article_id      BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text            TEXT NOT NULL,
    value           DOUBLE PRECISION,
    unit            TEXT,
    indicator       TEXT,
    period          TEXT,
    qualifier       TEXT,
    change          TEXT,
    comparison      TEXT,
    period_from     TEXT,
    period_to       TEXT,
    start_offset    INTEGER NOT NULL,
    end_offset      INTEGER NOT NULL,
    indicator_start INTEGER,
    indicator_end   INTEGER
);
CREATE INDEX IF NOT EXISTS figures_article ON figures (article_id);
CREATE INDEX IF NOT EXISTS figures_indicator ON figures (indicator);

CREATE TABLE IF NOT EXISTS lists (
    article_id    BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,      -- index in the article's lists
    statement_seq INTEGER,               -- statements.seq of the statement it belongs to
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE IF NOT EXISTS list_items (
    article_id   BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    list_seq     INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    marker       TEXT,
    text         TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    PRIMARY KEY (article_id, list_seq, seq)
);

-- Inputs that failed in the last ingest that saw them (cleared when they succeed).
CREATE TABLE IF NOT EXISTS ingest_errors (
    source TEXT PRIMARY KEY,
    error  TEXT NOT NULL,
    at     TEXT NOT NULL
);

CREATE VIEW IF NOT EXISTS person_titles AS
    SELECT p.id AS person_id, p.name, t.title, MIN(t.date) AS first_date, MAX(t.date) AS last_date,
           COUNT(DISTINCT t.article_id) AS articles
    FROM titles t JOIN people p ON p.id = t.person_id
    GROUP BY p.id, p.name, t.title;

CREATE VIEW IF NOT EXISTS figure_series AS
    SELECT f.indicator, a.date, f.value, f.unit, f.text, f.period, f.qualifier, a.headline, a.outlet,
           f.article_id, f.start_offset, f.end_offset
    FROM figures f JOIN articles a ON a.id = f.article_id;
""".replace("{PAGE_IMAGES}", PAGE_IMAGES)

SQLITE_ID = "INTEGER PRIMARY KEY"
POSTGRES_ID = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"

# Contentless FTS5 over bigram strings (see tokenize.py): the text is already
# in `articles`, so the index keeps only tokens; rows are removed with FTS5's
# 'delete' command, which re-supplies the tokens.
SQLITE_FTS = """
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5 (
    headline, body, content='', tokenize='unicode61 remove_diacritics 0'
);
"""

# PostgreSQL: the same bigram tokens as a tsvector built in Python (no text
# parser or locale involved), GIN-indexed; headline tokens weigh 'A'.
POSTGRES_FTS = """
CREATE TABLE IF NOT EXISTS article_search (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    tsv        TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS article_search_tsv ON article_search USING GIN (tsv);
"""


BLOB_TYPES = {"sqlite": "BLOB", "postgres": "BYTEA"}


def for_backend(sql: str, backend: str) -> str:
    """A statement of TABLES or MIGRATIONS with its per-backend types filled in."""
    if backend not in BLOB_TYPES:
        raise ValueError(backend)
    return (sql.replace("{ID}", SQLITE_ID if backend == "sqlite" else POSTGRES_ID)
            .replace("{BLOB}", BLOB_TYPES[backend]))


def ddl(backend: str) -> list[str]:
    """The schema as a list of statements for `backend` ("sqlite" | "postgres")."""
    text = for_backend(TABLES, backend)
    if backend == "sqlite":
        text += SQLITE_FTS
    else:
        text = text.replace("CREATE VIEW IF NOT EXISTS", "CREATE OR REPLACE VIEW") + POSTGRES_FTS
    return _split(text)


def _split(text: str) -> list[str]:
    out, cur = [], []
    for line in text.splitlines():
        cur.append(line)
        if line.rstrip().endswith(";") and not line.lstrip().startswith("--"):
            stmt = "\n".join(cur).strip()
            if stmt.strip(";").strip():
                out.append(stmt)
            cur = []
    return out


def migration_steps(version: str | None) -> list[list[str]] | None:
    """The statement lists that take a base at `version` to SCHEMA_VERSION, in
    order; [] when it is current; None when no path exists (a newer base, or
    one too old)."""
    steps = []
    v = version
    while v != SCHEMA_VERSION:
        if v not in MIGRATIONS:
            return None
        steps.append(MIGRATIONS[v])
        v = str(int(v) + 1)
    return steps
