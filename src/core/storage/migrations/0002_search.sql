-- Full-text search over findings, judgment summaries and document sections, kept in step by
-- triggers. The FTS rowid encodes the source: id * 4 + 1 finding, + 2 judgment, + 3 section,
-- so that a change finds its index row directly.

CREATE VIRTUAL TABLE search_index USING fts5(
    title, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO search_index(rowid, title, body)
    SELECT id * 4 + 1, '', text FROM findings;
INSERT INTO search_index(rowid, title, body)
    SELECT id * 4 + 2, '', summary || char(10) || char(10) || overview FROM judgments;
INSERT INTO search_index(rowid, title, body)
    SELECT id * 4 + 3, title, body FROM document_sections WHERE title <> '' OR body <> '';

CREATE TRIGGER findings_search_insert AFTER INSERT ON findings BEGIN
    INSERT INTO search_index(rowid, title, body) VALUES (NEW.id * 4 + 1, '', NEW.text);
END;
CREATE TRIGGER findings_search_update AFTER UPDATE OF text ON findings BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
    INSERT INTO search_index(rowid, title, body) VALUES (NEW.id * 4 + 1, '', NEW.text);
END;
CREATE TRIGGER findings_search_delete AFTER DELETE ON findings BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
END;

CREATE TRIGGER judgments_search_insert AFTER INSERT ON judgments BEGIN
    INSERT INTO search_index(rowid, title, body)
        VALUES (NEW.id * 4 + 2, '', NEW.summary || char(10) || char(10) || NEW.overview);
END;
CREATE TRIGGER judgments_search_update AFTER UPDATE OF summary, overview ON judgments BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
    INSERT INTO search_index(rowid, title, body)
        VALUES (NEW.id * 4 + 2, '', NEW.summary || char(10) || char(10) || NEW.overview);
END;
CREATE TRIGGER judgments_search_delete AFTER DELETE ON judgments BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
END;

CREATE TRIGGER sections_search_insert AFTER INSERT ON document_sections BEGIN
    INSERT INTO search_index(rowid, title, body) VALUES (NEW.id * 4 + 3, NEW.title, NEW.body);
END;
CREATE TRIGGER sections_search_update AFTER UPDATE OF title, body ON document_sections BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
    INSERT INTO search_index(rowid, title, body) VALUES (NEW.id * 4 + 3, NEW.title, NEW.body);
END;
CREATE TRIGGER sections_search_delete AFTER DELETE ON document_sections BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
END;
