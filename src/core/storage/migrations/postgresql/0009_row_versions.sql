-- No lost updates: every row a person edits carries a version, 1 when written first and one more
-- at every change made through a service. A save names the version it read and is refused when
-- the row has moved on since (someone else changed it). Evidence strata and measures are parts of
-- their sample and are rewritten with it: the sample's version is theirs. A section keeps its
-- version when its document's sections are written again around it.

ALTER TABLE findings ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE judgments ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE document_sections ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE evidence_samples ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE metrics ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE documents ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE review_notes ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE fa_responses ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);
