-- Search filters inside the index. Each row of search_index carries, in a `tags` column, tokens
-- for where it belongs: programme (zp<id>), force (zf<id>), finding kind (zk<n>), status (zs<n>) and
-- type (zt1 finding, zt2 judgment, zt3 section); kinds and statuses are numbered in the order
-- of findingKinds() and statuses(). A filtered search is then one FTS5 query whose AND with a
-- rare tag is answered from the index, instead of a join over every match. Tokens end in digits
-- so the porter stemmer leaves them alone. The tags column carries no weight in the ranking, and
-- a prefix index on three letters keeps half-typed words fast.

DROP TRIGGER findings_search_insert;
DROP TRIGGER findings_search_update;
DROP TRIGGER findings_search_delete;
DROP TRIGGER judgments_search_insert;
DROP TRIGGER judgments_search_update;
DROP TRIGGER judgments_search_delete;
DROP TRIGGER sections_search_insert;
DROP TRIGGER sections_search_update;
DROP TRIGGER sections_search_delete;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5(
    tags, title, body,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '3'
);
INSERT INTO search_index(search_index, rank) VALUES ('rank', 'bm25(0.0, 2.0, 1.0)');

CREATE TRIGGER findings_search_insert AFTER INSERT ON findings BEGIN
    INSERT INTO search_index(rowid, tags, title, body) VALUES (NEW.id * 4 + 1, 'zp' || (SELECT programme_id FROM questions WHERE id = NEW.question_id) || ' zf' || NEW.force_id || ' zk' || (CASE NEW.kind WHEN 'strength' THEN 1 WHEN 'area_for_improvement' THEN 2 WHEN 'cause_of_concern' THEN 3 WHEN 'recommendation' THEN 4 WHEN 'observation' THEN 5 ELSE 0 END) || ' zs' || (CASE NEW.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt1', '', NEW.text);
END;
CREATE TRIGGER findings_search_update AFTER UPDATE OF text, kind, status, question_id, force_id ON findings BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
    INSERT INTO search_index(rowid, tags, title, body) VALUES (NEW.id * 4 + 1, 'zp' || (SELECT programme_id FROM questions WHERE id = NEW.question_id) || ' zf' || NEW.force_id || ' zk' || (CASE NEW.kind WHEN 'strength' THEN 1 WHEN 'area_for_improvement' THEN 2 WHEN 'cause_of_concern' THEN 3 WHEN 'recommendation' THEN 4 WHEN 'observation' THEN 5 ELSE 0 END) || ' zs' || (CASE NEW.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt1', '', NEW.text);
END;
CREATE TRIGGER findings_search_delete AFTER DELETE ON findings BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
END;

CREATE TRIGGER judgments_search_insert AFTER INSERT ON judgments BEGIN
    INSERT INTO search_index(rowid, tags, title, body)
        VALUES (NEW.id * 4 + 2, 'zp' || (SELECT programme_id FROM questions WHERE id = NEW.question_id) || ' zf' || NEW.force_id || ' zs' || (CASE NEW.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt2', '', NEW.summary || char(10) || char(10) || NEW.overview);
END;
CREATE TRIGGER judgments_search_update AFTER UPDATE OF summary, overview, status ON judgments BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
    INSERT INTO search_index(rowid, tags, title, body)
        VALUES (NEW.id * 4 + 2, 'zp' || (SELECT programme_id FROM questions WHERE id = NEW.question_id) || ' zf' || NEW.force_id || ' zs' || (CASE NEW.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt2', '', NEW.summary || char(10) || char(10) || NEW.overview);
END;
CREATE TRIGGER judgments_search_delete AFTER DELETE ON judgments BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
END;

CREATE TRIGGER sections_search_insert AFTER INSERT ON document_sections BEGIN
    INSERT INTO search_index(rowid, tags, title, body) VALUES (NEW.id * 4 + 3, (SELECT 'zp' || d.programme_id || ' zf' || d.force_id || ' zs' || (CASE d.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt3' FROM documents d WHERE d.id = NEW.document_id), NEW.title, NEW.body);
END;
CREATE TRIGGER sections_search_update AFTER UPDATE OF title, body, document_id ON document_sections BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
    INSERT INTO search_index(rowid, tags, title, body) VALUES (NEW.id * 4 + 3, (SELECT 'zp' || d.programme_id || ' zf' || d.force_id || ' zs' || (CASE d.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt3' FROM documents d WHERE d.id = NEW.document_id), NEW.title, NEW.body);
END;
CREATE TRIGGER sections_search_delete AFTER DELETE ON document_sections BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
END;
-- A document's status, programme or force is in the tags of each of its sections.
CREATE TRIGGER documents_search_update AFTER UPDATE OF status, programme_id, force_id ON documents BEGIN
    DELETE FROM search_index WHERE rowid IN (SELECT id * 4 + 3 FROM document_sections WHERE document_id = NEW.id);
    INSERT INTO search_index(rowid, tags, title, body)
        SELECT s.id * 4 + 3, (SELECT 'zp' || d.programme_id || ' zf' || d.force_id || ' zs' || (CASE d.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt3' FROM documents d WHERE d.id = NEW.id), s.title, s.body FROM document_sections s WHERE s.document_id = NEW.id;
END;

-- The index as it stands, rebuilt with tags.
INSERT INTO search_index(rowid, tags, title, body)
    SELECT NEW.id * 4 + 1, 'zp' || (SELECT programme_id FROM questions WHERE id = NEW.question_id) || ' zf' || NEW.force_id || ' zk' || (CASE NEW.kind WHEN 'strength' THEN 1 WHEN 'area_for_improvement' THEN 2 WHEN 'cause_of_concern' THEN 3 WHEN 'recommendation' THEN 4 WHEN 'observation' THEN 5 ELSE 0 END) || ' zs' || (CASE NEW.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt1', '', NEW.text FROM findings NEW;
INSERT INTO search_index(rowid, tags, title, body)
    SELECT NEW.id * 4 + 2, 'zp' || (SELECT programme_id FROM questions WHERE id = NEW.question_id) || ' zf' || NEW.force_id || ' zs' || (CASE NEW.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt2', '', NEW.summary || char(10) || char(10) || NEW.overview FROM judgments NEW;
INSERT INTO search_index(rowid, tags, title, body)
    SELECT NEW.id * 4 + 3, (SELECT 'zp' || d.programme_id || ' zf' || d.force_id || ' zs' || (CASE d.status WHEN 'draft' THEN 1 WHEN 'ready' THEN 2 WHEN 'sent' THEN 3 WHEN 'responded' THEN 4 WHEN 'amended' THEN 5 WHEN 'final' THEN 6 WHEN 'published' THEN 7 ELSE 0 END) || ' zt3' FROM documents d WHERE d.id = NEW.document_id), NEW.title, NEW.body FROM document_sections NEW;
