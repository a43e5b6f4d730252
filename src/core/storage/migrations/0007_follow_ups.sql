-- Follow-up of earlier findings: an area for improvement, cause of concern or recommendation of
-- one inspection, as a later inspection found it — still open, progress made, completed or
-- superseded — with the later finding that says so. One assessment per finding and later
-- programme. Findings are named by uid, so a finding deleted and restored keeps its follow-up.
CREATE TABLE follow_ups (
    id           INTEGER PRIMARY KEY,
    finding_uid  TEXT NOT NULL CHECK (finding_uid <> ''),
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('open', 'progress', 'completed', 'superseded')),
    evidence_uid TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    actor        TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (finding_uid, programme_id)
) STRICT;
CREATE INDEX follow_ups_programme ON follow_ups(programme_id);
