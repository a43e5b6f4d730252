#pragma once
// Transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called.
// Every service writes inside exactly one of these, so a failure leaves nothing half-written.

#include "database.h"

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
    Status commit();

private:
    Database& m_db;
    bool m_active = false;
    Error m_error;
};

} // namespace fwb
