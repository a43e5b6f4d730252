-- The factual accuracy check as rounds: what was sent to the force under which reference, the
-- force's answers tied to the round, the lifecycle's history (who moved what, when and why), and
-- revisions keyed by the uid or natural key of what they revise (row ids change when a document's
-- sections are rewritten, uids never do). No version before this one wrote to `revisions`.

CREATE TABLE review_rounds (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number >= 1),
    sent_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    sent_by     TEXT NOT NULL DEFAULT '',
    closed_at   TEXT NOT NULL DEFAULT '',
    UNIQUE (document_id, number)
) STRICT;

CREATE TABLE review_items (
    round_id  INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    reference TEXT NOT NULL CHECK (reference <> ''),
    target    TEXT NOT NULL CHECK (target <> ''),
    label     TEXT NOT NULL DEFAULT '',
    text      TEXT NOT NULL,
    shown     TEXT NOT NULL,
    PRIMARY KEY (round_id, reference)
) STRICT, WITHOUT ROWID;

CREATE TABLE status_changes (
    id          INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL CHECK (entity IN ('finding', 'judgment', 'document')),
    entity_key  TEXT NOT NULL CHECK (entity_key <> ''),
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
) STRICT;
CREATE INDEX status_changes_entity ON status_changes(entity, entity_key);

DROP TABLE revisions;
CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    entity     TEXT NOT NULL CHECK (entity IN ('finding', 'judgment', 'overview', 'section')),
    entity_key TEXT NOT NULL CHECK (entity_key <> ''),
    number     INTEGER NOT NULL CHECK (number >= 1),
    text       TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (entity, entity_key, number)
) STRICT;

ALTER TABLE fa_responses ADD COLUMN round_id INTEGER REFERENCES review_rounds(id) ON DELETE CASCADE;
ALTER TABLE fa_responses ADD COLUMN target TEXT NOT NULL DEFAULT '';
ALTER TABLE fa_responses ADD COLUMN form_row INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fa_responses ADD COLUMN wording TEXT NOT NULL DEFAULT '';
ALTER TABLE fa_responses ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE INDEX fa_responses_round ON fa_responses(round_id);

ALTER TABLE review_notes ADD COLUMN answered_by TEXT NOT NULL DEFAULT '';
