-- Full-text search over findings, judgment summaries and document sections, kept in step by
-- triggers, as in the file workbench. A row of search_index has the rowid the file's FTS5 index
-- gives it (id * 4 + 1 finding, + 2 judgment, + 3 section) and a tsvector of its title (weight A)
-- and body (weight B), read through a GIN index. Words are folded as FTS5's
-- 'porter unicode61 remove_diacritics 2' folds them: accents removed (unaccent), lower case,
-- English stems (snowball), and no stopwords, so that a search for common words alone finds them.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH DICTIONARY fwb_stem (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION fwb_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION fwb_search
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_asciipart,
                      hword_part, hword_numpart
    WITH unaccent, fwb_stem;

CREATE TABLE search_index (
    rowid    BIGINT PRIMARY KEY,
    document tsvector NOT NULL
);
CREATE INDEX search_index_document ON search_index USING gin (document);

-- The words of a text as unicode61 sees them: runs of letters and digits, everything else a
-- separator (so "follow-up", "1,000" and "www.x.gov.uk" are several words, as in the file, and
-- not the hyphenated words, numbers and host names of the default parser). The separators are
-- listed, not read from the database's locale, which may be C.
CREATE FUNCTION fwb_search_words(text TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT regexp_replace(coalesce(text, ''),
                 '[\s!-/:-@\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u2bff\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f]+',
                 ' ', 'g') $$;

-- The indexed form of a title and a body.
CREATE FUNCTION fwb_search_vector(title TEXT, body TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('fwb_search', fwb_search_words(title)), 'A') ||
                 setweight(to_tsvector('fwb_search', fwb_search_words(body)), 'B') $$;

CREATE FUNCTION fwb_search_findings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index(rowid, document)
            VALUES (NEW.id * 4 + 1, fwb_search_vector('', NEW.text));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER findings_search AFTER INSERT OR DELETE OR UPDATE OF text ON findings
    FOR EACH ROW EXECUTE FUNCTION fwb_search_findings();

CREATE FUNCTION fwb_search_judgments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index(rowid, document) VALUES (NEW.id * 4 + 2,
            fwb_search_vector('', NEW.summary || chr(10) || chr(10) || NEW.overview));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER judgments_search AFTER INSERT OR DELETE OR UPDATE OF summary, overview ON judgments
    FOR EACH ROW EXECUTE FUNCTION fwb_search_judgments();

CREATE FUNCTION fwb_search_sections() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index(rowid, document)
            VALUES (NEW.id * 4 + 3, fwb_search_vector(NEW.title, NEW.body));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER sections_search AFTER INSERT OR DELETE OR UPDATE OF title, body ON document_sections
    FOR EACH ROW EXECUTE FUNCTION fwb_search_sections();

INSERT INTO search_index(rowid, document)
    SELECT id * 4 + 1, fwb_search_vector('', text) FROM findings;
INSERT INTO search_index(rowid, document)
    SELECT id * 4 + 2, fwb_search_vector('', summary || chr(10) || chr(10) || overview)
    FROM judgments;
INSERT INTO search_index(rowid, document)
    SELECT id * 4 + 3, fwb_search_vector(title, body) FROM document_sections
    WHERE title <> '' OR body <> '';
