-- The file workbench partitions its FTS5 index by programme here, because bm25 reads the doclist
-- of every word it ranks across the whole index. A team workbench ranks with ts_rank, which reads
-- only the candidate rows' own tsvectors, so search_index stays one table; the newest candidates
-- are found by the GIN index and the rowid order, a programme's through search_index_programme.
--
-- A covering index on the kind of a finding counts the follow-up list (every area for
-- improvement, cause of concern and recommendation) from the index alone.

CREATE INDEX findings_kind ON findings(kind, force_id);
