#pragma once
// Result<T>: a value or an Error fit to show a person. Core never throws across its API and never
// shows UI; the window and the command decide how to present an Error.

#include <QString>
#include <QVariantMap>
#include <optional>
#include <utility>
#include <variant>

namespace fwb {

struct Error {
    enum class Code {
        NotFound,     // no such file, record or code
        NotSqlite,    // the file is not an SQLite database
        NotWorkbench, // SQLite, but of another program
        Truncated,    // shorter than its header says
        Damaged,      // SQLite reports corruption
        NewerSchema,  // written by a newer version
        Busy,         // another process holds the write lock
        ReadOnly,     // opened read-only; changes refused
        Invalid,      // bad input: a malformed import, a constraint
        Conflict,     // would duplicate something that exists
        Io,           // the file system refused
        Internal,     // a bug or an unexpected database error
        Forbidden,    // the person's roles or assignments do not allow it (says who may)
        Stale,        // the row was changed by someone else since it was read (see detail)
        Offline,      // the team server cannot be reached; nothing was written
    };
    Code code = Code::Internal;
    QString message;
    // Facts a face may show beside the message: a Stale refusal carries the row as it stands now
    // ("text", "version", "actor", "at").
    QVariantMap detail;

    static Error make(Code c, QString m) { return Error{c, std::move(m), {}}; }
    bool isBadInput() const
    {
        // A damaged workbench is a failure of the storage it lives on, like a full disk.
        return code != Code::Io && code != Code::Internal && code != Code::Busy &&
               code != Code::Damaged && code != Code::Offline;
    }
};

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const T& value() const& { return std::get<0>(m_v); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_e(std::move(error)) {}
    bool ok() const { return !m_e.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_e; }

private:
    std::optional<Error> m_e;
};

using Status = Result<void>;

} // namespace fwb
