-- Search filters beside the words. The file workbench keeps them as tag tokens in its FTS5 index
-- (zp<programme id>, zf<force id>, zk<kind>, zs<status>, zt<type>); here they are columns of
-- search_index with the same numbers (kinds and statuses in the order of findingKinds() and
-- statuses(), 0 for none; type 1 finding, 2 judgment, 3 section), so that a filtered search is one
-- statement over the GIN index and the btree indexes of the columns. Title words weigh twice body
-- words in the ranking, as bm25(0.0, 2.0, 1.0) has them in the file.
--
-- The triggers run as the owner of the schema (SECURITY DEFINER): the index is derived data that
-- no client writes itself, and a row's programme is read from its question or document whoever
-- may read those.

ALTER TABLE search_index
    ADD COLUMN programme_id BIGINT,
    ADD COLUMN force_id     BIGINT,
    ADD COLUMN kind         SMALLINT NOT NULL DEFAULT 0,
    ADD COLUMN status       SMALLINT NOT NULL DEFAULT 0,
    ADD COLUMN type         SMALLINT NOT NULL DEFAULT 0;

CREATE FUNCTION fwb_search_kind(kind TEXT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (CASE kind WHEN 'strength' THEN 1 WHEN 'area_for_improvement' THEN 2
                  WHEN 'cause_of_concern' THEN 3 WHEN 'recommendation' THEN 4
                  WHEN 'observation' THEN 5 ELSE 0 END)::SMALLINT $$;
CREATE FUNCTION fwb_search_status(status TEXT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (CASE status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3
                  WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6
                  WHEN 'published' THEN 7 ELSE 0 END)::SMALLINT $$;

DROP TRIGGER findings_search ON findings;
DROP TRIGGER judgments_search ON judgments;
DROP TRIGGER sections_search ON document_sections;

-- A change of status, kind or place alone keeps the words as they were indexed.
CREATE OR REPLACE FUNCTION fwb_search_findings() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.id = NEW.id AND OLD.text = NEW.text THEN
        UPDATE search_index SET
            programme_id = (SELECT programme_id FROM questions WHERE id = NEW.question_id),
            force_id = NEW.force_id, kind = fwb_search_kind(NEW.kind),
            status = fwb_search_status(NEW.status)
            WHERE rowid = NEW.id * 4 + 1;
        IF FOUND THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index(rowid, document, programme_id, force_id, kind, status, type)
            VALUES (NEW.id * 4 + 1, fwb_search_vector('', NEW.text),
                    (SELECT programme_id FROM questions WHERE id = NEW.question_id), NEW.force_id,
                    fwb_search_kind(NEW.kind), fwb_search_status(NEW.status), 1);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fwb_search_judgments() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index(rowid, document, programme_id, force_id, status, type)
            VALUES (NEW.id * 4 + 2,
                    fwb_search_vector('', NEW.summary || chr(10) || chr(10) || NEW.overview),
                    (SELECT programme_id FROM questions WHERE id = NEW.question_id), NEW.force_id,
                    fwb_search_status(NEW.status), 2);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fwb_search_sections() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index(rowid, document, programme_id, force_id, status, type)
            SELECT NEW.id * 4 + 3, fwb_search_vector(NEW.title, NEW.body), d.programme_id,
                   d.force_id, fwb_search_status(d.status), 3
            FROM documents d WHERE d.id = NEW.document_id;
    END IF;
    RETURN NULL;
END $$;

-- A document's status, programme or force is in the index row of each of its sections.
CREATE FUNCTION fwb_search_documents() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE search_index SET programme_id = NEW.programme_id, force_id = NEW.force_id,
                            status = fwb_search_status(NEW.status)
        WHERE rowid IN (SELECT id * 4 + 3 FROM document_sections WHERE document_id = NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER findings_search
    AFTER INSERT OR DELETE OR UPDATE OF id, text, kind, status, question_id, force_id ON findings
    FOR EACH ROW EXECUTE FUNCTION fwb_search_findings();
CREATE TRIGGER judgments_search
    AFTER INSERT OR DELETE OR UPDATE OF id, summary, overview, status, question_id, force_id
    ON judgments FOR EACH ROW EXECUTE FUNCTION fwb_search_judgments();
CREATE TRIGGER sections_search
    AFTER INSERT OR DELETE OR UPDATE OF id, title, body, document_id ON document_sections
    FOR EACH ROW EXECUTE FUNCTION fwb_search_sections();
CREATE TRIGGER documents_search AFTER UPDATE OF status, programme_id, force_id ON documents
    FOR EACH ROW EXECUTE FUNCTION fwb_search_documents();

-- The index as it stands, rebuilt with its filters.
TRUNCATE search_index;
INSERT INTO search_index(rowid, document, programme_id, force_id, kind, status, type)
    SELECT f.id * 4 + 1, fwb_search_vector('', f.text), q.programme_id, f.force_id,
           fwb_search_kind(f.kind), fwb_search_status(f.status), 1
    FROM findings f LEFT JOIN questions q ON q.id = f.question_id;
INSERT INTO search_index(rowid, document, programme_id, force_id, status, type)
    SELECT j.id * 4 + 2, fwb_search_vector('', j.summary || chr(10) || chr(10) || j.overview),
           q.programme_id, j.force_id, fwb_search_status(j.status), 2
    FROM judgments j LEFT JOIN questions q ON q.id = j.question_id;
INSERT INTO search_index(rowid, document, programme_id, force_id, status, type)
    SELECT s.id * 4 + 3, fwb_search_vector(s.title, s.body), d.programme_id, d.force_id,
           fwb_search_status(d.status), 3
    FROM document_sections s JOIN documents d ON d.id = s.document_id;

CREATE INDEX search_index_programme ON search_index(programme_id, rowid);
CREATE INDEX search_index_force ON search_index(force_id, rowid);
