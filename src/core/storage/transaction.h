#pragma once
// Transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called.
// Every service writes inside exactly one of these, so a failure leaves nothing half-written.
// A statement that fails inside it fails the whole transaction: commit() then refuses with that
// statement's error, every later statement is refused, and nothing can commit in autocommit while
// the guard lives (SQLite rolls a transaction back by itself on a damaged page or a full disk).

#include "core/storage/database.h"

namespace fwb {

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Whether BEGIN succeeded; when not, error() says why (busy, read-only).
    bool active() const { return m_active; }
    const Error& error() const { return m_error; }
    // Commits, or refuses with the error of the first statement that failed inside.
    Status commit();

private:
    void end();
    Database& m_db;
    bool m_active = false;
    Error m_error;
};

// Savepoint: a nested step inside an open Transaction that can be undone on its own (release()
// keeps it, rollback() undoes it and keeps the transaction). Destroyed unreleased, it is undone.
class Savepoint {
public:
    explicit Savepoint(Database& db);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    Status release();
    Status rollback();

private:
    Database& m_db;
    bool m_open = false;
};

// ReadSnapshot: a read transaction (BEGIN DEFERRED), so that several reads see one state of the
// file even while another connection writes; ended with ROLLBACK, as it writes nothing. It works on
// a file opened read-only. Inside an open transaction the reads already see one state: it then
// begins and ends nothing.
class ReadSnapshot {
public:
    // `doing` names the read for an error ("starting the export").
    explicit ReadSnapshot(Database& db, const QString& doing = QStringLiteral("starting to read"));
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    // Whether the snapshot holds; when not, error() says why (the file is busy, say).
    bool active() const { return m_active; }
    const Error& error() const { return m_error; }

private:
    Database& m_db;
    bool m_active = false;
    bool m_began = false;
    Error m_error;
};

} // namespace fwb
