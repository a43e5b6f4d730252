#pragma once
// The house rules, checked over the sources: no SQL outside core/storage, no widgets in core or
// documents, no include upwards (core <- documents <- app, cli), no source file over 900 lines,
// and faces that read through the Reader (core/reader.h) rather than the repositories.
// Heuristic, on the text: comments are set aside, string literals are read as such.

#include <QList>
#include <QString>
#include <QStringList>

namespace fwb::house {

enum class Rule {
    SqlOutsideStorage,
    WidgetsInCore,
    IncludeUpwards,
    FileTooLong,
    FaceReachesStorage
};

QString ruleName(Rule rule);

struct Violation {
    QString file; // relative to src/: "core/services/frameworks.cpp"
    int line = 0; // 1-based
    Rule rule = Rule::SqlOutsideStorage;
    QString text; // what was found
};

// "core/services/frameworks.cpp:54: SQL outside core/storage: SELECT (SELECT count(*) …"
QString describe(const Violation& v);

constexpr int kMaxLines = 900;

// The faces that must read through the Reader; a face is added here once it is converted.
QStringList readerFaces();

// Checks one file, named by its path relative to src/ (its layer is the first folder).
QList<Violation> checkFile(const QString& relativePath, const QString& text);

// Checks every .cpp and .h under srcDir.
QList<Violation> checkTree(const QString& srcDir);

// The source with comments replaced by spaces (newlines kept, so lines still count). When
// blankStrings is set, the contents of string and character literals are blanked too.
QString stripComments(const QString& text, bool blankStrings);

struct Literal {
    int line = 0;
    QString text; // the contents, escapes left as written
};
// Every string literal (plain, u"", u8"", L"", R"(…)"), in order.
QList<Literal> stringLiterals(const QString& text);

} // namespace fwb::house
