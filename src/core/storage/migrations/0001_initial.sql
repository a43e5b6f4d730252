-- Findings Workbench schema, version 1: reference data, programmes, drafted material,
-- documents, review and the audit log. Applied inside one transaction by Database::migrate.
-- Tables are STRICT: SQLite refuses a value of the wrong type instead of storing it, so a row
-- can never hold text where a number belongs.

CREATE TABLE workbench_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE regions (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name TEXT NOT NULL CHECK (name <> '')
) STRICT;

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name          TEXT NOT NULL CHECK (name <> ''),
    title         TEXT NOT NULL DEFAULT '',
    post_nominals TEXT NOT NULL DEFAULT '',
    post          TEXT NOT NULL DEFAULT '',
    greeting      TEXT NOT NULL DEFAULT '',
    address_name  TEXT NOT NULL DEFAULT '',
    force_id      INTEGER REFERENCES forces(id) ON DELETE SET NULL
) STRICT;

CREATE TABLE forces (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name             TEXT NOT NULL CHECK (name <> ''),
    short_name       TEXT NOT NULL CHECK (short_name <> ''),
    region_id        INTEGER NOT NULL REFERENCES regions(id),
    style            TEXT NOT NULL DEFAULT 'force'
                     CHECK (style IN ('constabulary', 'force', 'service')),
    chief_officer_id INTEGER REFERENCES people(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX forces_region ON forces(region_id);

CREATE TABLE grade_scales (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name TEXT NOT NULL
) STRICT;

CREATE TABLE grades (
    id         INTEGER PRIMARY KEY,
    scale_id   INTEGER NOT NULL REFERENCES grade_scales(id) ON DELETE CASCADE,
    code       TEXT NOT NULL CHECK (code <> ''),
    label      TEXT NOT NULL CHECK (label <> ''),
    rank       INTEGER NOT NULL,          -- 1 is best
    definition TEXT NOT NULL DEFAULT '',
    UNIQUE (scale_id, code),
    UNIQUE (scale_id, rank)
) STRICT;

CREATE TABLE programmes (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE CHECK (code <> ''),
    title          TEXT NOT NULL CHECK (title <> ''),
    short_title    TEXT NOT NULL DEFAULT '',
    year           INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    kind           TEXT NOT NULL DEFAULT 'thematic' CHECK (kind IN ('thematic', 'peel')),
    grade_scale_id INTEGER REFERENCES grade_scales(id),
    fieldwork      TEXT NOT NULL DEFAULT '',
    published      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE questions (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES questions(id) ON DELETE CASCADE,
    code         TEXT NOT NULL CHECK (code <> ''),
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL CHECK (text <> ''),
    short_title  TEXT NOT NULL DEFAULT '',
    graded       INTEGER NOT NULL DEFAULT 0 CHECK (graded IN (0, 1)),
    UNIQUE (programme_id, code)
) STRICT;
CREATE INDEX questions_parent ON questions(programme_id, parent_id, position);

-- Lifecycle shared by judgments, findings and documents.
-- draft → ready → sent → responded → amended → final → published
CREATE TABLE judgments (
    id                INTEGER PRIMARY KEY,
    force_id          INTEGER NOT NULL REFERENCES forces(id),
    question_id       INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    grade_id          INTEGER NOT NULL REFERENCES grades(id),
    summary           TEXT NOT NULL DEFAULT '',
    overview          TEXT NOT NULL DEFAULT '',
    first_year_graded INTEGER NOT NULL DEFAULT 0 CHECK (first_year_graded IN (0, 1)),
    status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                      ('draft','ready','sent','responded','amended','final','published')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (force_id, question_id)
) STRICT;
CREATE INDEX judgments_question ON judgments(question_id);

-- A judgment needs a graded question and a grade from its programme's scale.
CREATE TRIGGER judgments_graded_insert BEFORE INSERT ON judgments
WHEN NOT EXISTS (SELECT 1 FROM questions q JOIN programmes p ON p.id = q.programme_id
                 JOIN grades g ON g.scale_id = p.grade_scale_id
                 WHERE q.id = NEW.question_id AND q.graded = 1 AND g.id = NEW.grade_id)
BEGIN
    SELECT RAISE(ABORT, 'judgment needs a graded question and a grade of its programme''s scale');
END;
CREATE TRIGGER judgments_graded_update BEFORE UPDATE OF question_id, grade_id ON judgments
WHEN NOT EXISTS (SELECT 1 FROM questions q JOIN programmes p ON p.id = q.programme_id
                 JOIN grades g ON g.scale_id = p.grade_scale_id
                 WHERE q.id = NEW.question_id AND q.graded = 1 AND g.id = NEW.grade_id)
BEGIN
    SELECT RAISE(ABORT, 'judgment needs a graded question and a grade of its programme''s scale');
END;
CREATE TRIGGER questions_ungrade BEFORE UPDATE OF graded ON questions
WHEN NEW.graded = 0 AND EXISTS (SELECT 1 FROM judgments WHERE question_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'question has judgments and cannot be made ungraded');
END;

CREATE TABLE findings (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    force_id    INTEGER NOT NULL REFERENCES forces(id),
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('strength','area_for_improvement',
                'cause_of_concern','recommendation','observation')),
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL CHECK (text <> ''),
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                ('draft','ready','sent','responded','amended','final','published')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) STRICT;
CREATE INDEX findings_place ON findings(force_id, question_id, position);
CREATE INDEX findings_question ON findings(question_id);

CREATE TABLE evidence_samples (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    force_id     INTEGER NOT NULL REFERENCES forces(id),
    question_id  INTEGER REFERENCES questions(id) ON DELETE SET NULL,
    label        TEXT NOT NULL CHECK (label <> ''),
    method       TEXT NOT NULL CHECK (method IN
                 ('file_review','dip_sample','survey','interview','focus_group')),
    population   TEXT NOT NULL DEFAULT '',
    sample_size  INTEGER CHECK (sample_size IS NULL OR sample_size >= 0),
    description  TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX evidence_place ON evidence_samples(programme_id, force_id);

CREATE TABLE evidence_strata (
    id        INTEGER PRIMARY KEY,
    sample_id INTEGER NOT NULL REFERENCES evidence_samples(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL CHECK (label <> ''),
    size      INTEGER NOT NULL CHECK (size >= 0)
) STRICT;
CREATE INDEX evidence_strata_sample ON evidence_strata(sample_id, position);

CREATE TABLE evidence_measures (
    id         INTEGER PRIMARY KEY,
    sample_id  INTEGER NOT NULL REFERENCES evidence_samples(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    label      TEXT NOT NULL CHECK (label <> ''),
    count      INTEGER NOT NULL CHECK (count >= 0),
    base       INTEGER CHECK (base IS NULL OR base >= count),
    base_label TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX evidence_measures_sample ON evidence_measures(sample_id, position);

CREATE TABLE finding_evidence (
    finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
    sample_id  INTEGER NOT NULL REFERENCES evidence_samples(id) ON DELETE CASCADE,
    PRIMARY KEY (finding_id, sample_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX finding_evidence_sample ON finding_evidence(sample_id);

CREATE TABLE metrics (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    programme_id   INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    force_id       INTEGER NOT NULL REFERENCES forces(id),
    question_id    INTEGER REFERENCES questions(id) ON DELETE SET NULL,
    figure         TEXT NOT NULL DEFAULT '',
    name           TEXT NOT NULL CHECK (name <> ''),
    measure        TEXT NOT NULL DEFAULT '',
    period         TEXT NOT NULL DEFAULT '',
    unit           TEXT NOT NULL DEFAULT '',
    force_value    REAL NOT NULL,
    national_value REAL,
    source         TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX metrics_place ON metrics(programme_id, force_id, figure, position);

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    force_id     INTEGER NOT NULL REFERENCES forces(id),
    kind         TEXT NOT NULL CHECK (kind IN ('letter','report')),
    title        TEXT NOT NULL CHECK (title <> ''),
    subtitle     TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                 ('draft','ready','sent','responded','amended','final','published')),
    dated        TEXT NOT NULL DEFAULT '',
    embargo      TEXT NOT NULL DEFAULT '',
    sender_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
    recipient_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    reference    TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) STRICT;
CREATE INDEX documents_place ON documents(programme_id, force_id);

CREATE TABLE document_sections (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES document_sections(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('narrative','judgment','overview','findings',
                 'areas_for_improvement','metrics_table','chart','grade_definitions','contents',
                 'letter_opening','letter_closing')),
    title        TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    question_id  INTEGER REFERENCES questions(id) ON DELETE SET NULL,
    finding_kind TEXT CHECK (finding_kind IS NULL OR finding_kind IN ('strength',
                 'area_for_improvement','cause_of_concern','recommendation','observation')),
    figure       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX document_sections_tree ON document_sections(document_id, parent_id, position);

-- Text of findings, judgment summaries and sections as it stood at each revision.
CREATE TABLE revisions (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL CHECK (entity IN ('finding','judgment','section')),
    entity_id INTEGER NOT NULL,
    number    INTEGER NOT NULL,
    text      TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    actor     TEXT NOT NULL DEFAULT '',
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (entity, entity_id, number)
) STRICT;

CREATE TABLE review_notes (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    target      TEXT NOT NULL CHECK (target <> ''),   -- finding:<uid>, judgment:<p>/<f>/<q>, section:<uid>
    author      TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL CHECK (body <> ''),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','resolved')),
    answer      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    resolved_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX review_notes_target ON review_notes(target);

CREATE TABLE fa_responses (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    reference        TEXT NOT NULL CHECK (reference <> ''),
    current_text     TEXT NOT NULL DEFAULT '',
    proposed_change  TEXT NOT NULL DEFAULT '',
    evidence_offered TEXT NOT NULL DEFAULT '',
    category         TEXT NOT NULL CHECK (category IN
                     ('factual_error','typo','challenge_to_judgment','other')),
    decision         TEXT NOT NULL DEFAULT '' CHECK (decision IN
                     ('','accepted','partly_accepted','rejected')),
    reason           TEXT NOT NULL DEFAULT '',
    decided_by       TEXT NOT NULL DEFAULT '',
    decided_at       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX fa_responses_document ON fa_responses(document_id);

-- Every change made through a core service: who, when, what, before and after (JSON).
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,   -- insert, update, delete, import, migrate, …
    entity     TEXT NOT NULL,
    entity_key TEXT NOT NULL DEFAULT '',
    before     TEXT,
    after      TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_key);
