#pragma once
// WorkbenchRepository: the file's own particulars (when and by what it was created) and how many
// records of each kind it holds, as `fwb info` and the window's status line report them.

#include "core/storage/database.h"

namespace fwb {

struct RecordCounts {
    qint64 regions = 0, forces = 0, people = 0, programmes = 0, questions = 0, judgments = 0,
           findings = 0, evidence = 0, metrics = 0, documents = 0, reviewNotes = 0, responses = 0,
           auditEntries = 0;
};

class WorkbenchRepository {
public:
    explicit WorkbenchRepository(Database& db) : m_db(db) {}

    // Every kind counted in one statement; zeros where the file cannot be read.
    RecordCounts counts() const;
    // Records when the file was created, and by which build (`createdBy`).
    Status recordCreation(const QString& createdBy);

private:
    Database& m_db;
};

} // namespace fwb
