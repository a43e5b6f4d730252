-- A question may continue a question of an earlier programme (a framework copied from last
-- year's records it): the change view compares a force's grades on the two, unless the
-- frameworks say they are not comparable (the question was reworded, split or merged).
ALTER TABLE questions ADD COLUMN follows_id INTEGER REFERENCES questions(id) ON DELETE SET NULL;
ALTER TABLE questions ADD COLUMN comparable INTEGER NOT NULL DEFAULT 1 CHECK (comparable IN (0, 1));
CREATE INDEX questions_follows ON questions(follows_id);
