// The house rules: the checker is tried on text that breaks each rule (it must be caught, with its
// line) and on text that keeps it (nothing reported); then the real tree under src/ is checked.
#include "housecheck.h"

#include <QDir>
#include <QFile>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fwb::house;

namespace {

QList<Violation> of(const QList<Violation>& all, Rule rule)
{
    QList<Violation> out;
    for (const Violation& v : all)
        if (v.rule == rule)
            out << v;
    return out;
}

QString listed(const QList<Violation>& all)
{
    QString out;
    for (const Violation& v : all)
        out += describe(v) + u"\n"_s;
    return out;
}

// Whether exactly one violation of `rule` is found, at `line`.
void requireOne(const QString& file, const QString& text, Rule rule, int line)
{
    const QList<Violation> found = of(checkFile(file, text), rule);
    INFO(listed(checkFile(file, text)).toStdString());
    REQUIRE(found.size() == 1);
    CHECK(found.first().line == line);
    CHECK(found.first().file == file);
}

void requireNone(const QString& file, const QString& text)
{
    const QList<Violation> found = checkFile(file, text);
    INFO(listed(found).toStdString());
    CHECK(found.isEmpty());
}

QList<Violation> realTree(Rule rule)
{
    static const QList<Violation> all = checkTree(QStringLiteral(FWB_SOURCE_DIR "/src"));
    return of(all, rule);
}

} // namespace

TEST_CASE("The house check finds SQL in a string literal outside storage", "[house]")
{
    requireOne(u"core/services/x.cpp"_s,
               u"#include \"core/x.h\"\n\nauto s = u\"SELECT id FROM forces\"_s;\n"_s,
               Rule::SqlOutsideStorage, 3);
    requireOne(u"core/x.cpp"_s,
               u"void f()\n{\n    db.run(QStringLiteral(\"  DELETE FROM x\"));\n}\n"_s,
               Rule::SqlOutsideStorage, 3);
    requireOne(u"app/x.cpp"_s, u"const char* k = \"BEGIN;\";\n"_s, Rule::SqlOutsideStorage, 1);
    requireOne(u"cli/x.cpp"_s, u"// a comment\nauto q = R\"(\nPRAGMA user_version)\";\n"_s,
               Rule::SqlOutsideStorage, 2);
    requireOne(u"core/x.cpp"_s, u"x(u8\"WITH t AS (SELECT 1) SELECT * FROM t\");"_s,
               Rule::SqlOutsideStorage, 1);
}

TEST_CASE("The house check finds statements run outside storage", "[house]")
{
    requireOne(u"core/services/x.cpp"_s, u"\n\n    Query q(db, sql);\n"_s, Rule::SqlOutsideStorage,
               3);
    requireOne(u"core/x.cpp"_s, u"auto n = Query(db, text).scalar();\n"_s, Rule::SqlOutsideStorage,
               1);
    requireOne(u"core/x.cpp"_s, u"\nif (Status s = del.exec({code}); !s)\n"_s,
               Rule::SqlOutsideStorage, 2);
    requireOne(u"core/x.cpp"_s, u"\n\n\n(void)db.execScript(script, what);\n"_s,
               Rule::SqlOutsideStorage, 4);
    requireOne(u"app/x.cpp"_s, u"#include <QSqlQuery>\n"_s, Rule::SqlOutsideStorage, 1);
    requireOne(u"core/x.cpp"_s, u"#include \"core/storage/query.h\"\n"_s, Rule::SqlOutsideStorage,
               1);
    requireOne(u"core/x.cpp"_s, u"sqlite3_exec(h, s, nullptr, nullptr, nullptr);\n"_s,
               Rule::SqlOutsideStorage, 1);
}

TEST_CASE("The house check lets storage hold SQL and the rest speak of it", "[house]")
{
    requireNone(
        u"core/storage/x.cpp"_s,
        u"#include \"core/storage/query.h\"\nQuery q(m_db, u\"SELECT 1\"_s);\nq.exec({});\n"_s);
    // Prose, comments and names that only look like SQL.
    requireNone(u"app/x.cpp"_s,
                u"// SELECT id FROM x, Query q(db); del.exec({1});\n"
                "/* BEGIN; DELETE FROM x */\n"
                "auto t = tr(\"Select a folder\");\n"
                "auto u = tr(\"Update the grade\");\n"
                "auto w = tr(\"With regret\");\n"
                "pane->focusQuery();\n"
                "if (dialog.exec() == QDialog::Accepted) {}\n"
                "const int status = QApplication::exec();\n"
                "auto q = SearchService::ftsQuery(text);\n"
                "auto s = \"a \\\"SELECT\\\" word\";\n"
                "int n = 1'000'000; char c = '\"'; auto d = \"Delete the finding\";\n"_s);
}

TEST_CASE("The house check finds a Qt Widgets include in core or documents", "[house]")
{
    requireOne(u"core/x.h"_s, u"#pragma once\n#include <QWidget>\n"_s, Rule::WidgetsInCore, 2);
    requireOne(u"documents/x.cpp"_s, u"#include <QtWidgets/QLabel>\n"_s, Rule::WidgetsInCore, 1);
    requireOne(u"core/x.cpp"_s, u"\n#include <QApplication>\n"_s, Rule::WidgetsInCore, 2);
    requireOne(u"documents/x.cpp"_s, u"#include <QTextEdit>\n"_s, Rule::WidgetsInCore, 1);
    requireOne(u"core/x.cpp"_s, u"#  include <QtWidgets>\n"_s, Rule::WidgetsInCore, 1);
    requireOne(u"documents/x.cpp"_s, u"#include <QPrintDialog>\n"_s, Rule::WidgetsInCore, 1);
    // What core and documents may use, and widgets where they belong.
    requireNone(u"documents/x.cpp"_s,
                u"#include <QTextDocument>\n#include <QPainter>\n#include <QPdfWriter>\n"
                "#include <QFont>\n#include <QImage>\n// #include <QWidget>\n"_s);
    requireNone(u"app/x.cpp"_s, u"#include <QWidget>\n#include <QtWidgets/QLabel>\n"_s);
}

TEST_CASE("The house check finds an include upwards", "[house]")
{
    requireOne(u"core/x.cpp"_s, u"#include \"core/a.h\"\n#include \"documents/export.h\"\n"_s,
               Rule::IncludeUpwards, 2);
    requireOne(u"core/x.h"_s, u"#include \"app/mainwindow.h\"\n"_s, Rule::IncludeUpwards, 1);
    requireOne(u"core/x.h"_s, u"#include \"cli/support.h\"\n"_s, Rule::IncludeUpwards, 1);
    requireOne(u"documents/x.cpp"_s, u"#include \"app/a.h\"\n"_s, Rule::IncludeUpwards, 1);
    requireOne(u"documents/x.cpp"_s, u"#include \"cli/a.h\"\n"_s, Rule::IncludeUpwards, 1);
    requireOne(u"cli/x.cpp"_s, u"\n#include \"app/a.h\"\n"_s, Rule::IncludeUpwards, 2);
    requireOne(u"app/x.cpp"_s, u"#include \"cli/support.h\"\n"_s, Rule::IncludeUpwards, 1);
    requireNone(u"app/x.cpp"_s, u"#include \"app/a.h\"\n#include \"documents/export.h\"\n"
                                "#include \"core/workbench.h\"\n#include \"ui_form.h\"\n"_s);
    requireNone(u"cli/x.cpp"_s, u"#include \"cli/support.h\"\n#include \"documents/batch.h\"\n"_s);
    requireNone(u"documents/x.cpp"_s, u"#include \"core/reader.h\"\n// #include \"app/a.h\"\n"_s);
}

TEST_CASE("The house check finds a source file over 900 lines", "[house]")
{
    QString text;
    for (int i = 0; i < kMaxLines; ++i)
        text += u"int a%1;\n"_s.arg(i);
    requireNone(u"core/x.cpp"_s, text);
    text += u"int last;\n"_s;
    requireOne(u"core/x.cpp"_s, text, Rule::FileTooLong, kMaxLines + 1);
}

TEST_CASE("The house check finds a face reading a repository past the Reader", "[house]")
{
    requireOne(u"cli/commands/x.cpp"_s, u"\nauto p = (*wb)->reference().programme(code);\n"_s,
               Rule::FaceReachesStorage, 2);
    requireOne(u"cli/x.cpp"_s, u"for (auto& d : wb.documents().documents(p))\n"_s,
               Rule::FaceReachesStorage, 1);
    requireOne(u"cli/x.cpp"_s, u"wb->drafts().upsertFinding(f);\n"_s, Rule::FaceReachesStorage, 1);
    requireOne(u"cli/x.cpp"_s, u"wb.audit().append(a, b, c, d, e, f);\n"_s,
               Rule::FaceReachesStorage, 1);
    requireNone(u"cli/x.cpp"_s, u"auto p = (*wb)->reader().programme(code);\n"
                                "for (auto& d : wb.reader().documents(p)) {}\n"
                                "auto n = wb.reader().documents().size();\n"_s);
    // The window is a face too.
    requireOne(u"app/drafting/x.cpp"_s, u"m_context.workbench->drafts().finding(uid);\n"_s,
               Rule::FaceReachesStorage, 1);
    requireNone(u"app/drafting/x.cpp"_s, u"m_context.workbench->reader().finding(uid);\n"_s);
    // Services and tests may use the repositories.
    requireNone(u"core/services/x.cpp"_s, u"auto p = m_wb.reference().programme(code);\n"_s);
}

TEST_CASE("The house check reads string literals and comments as the compiler does", "[house]")
{
    const QList<Literal> l = stringLiterals(
        u"a = \"one\"; // \"not\"\n/* \"nor\" */ b = u\"two\\\"x\";\nc = R\"d(three\n)\")d\";"_s);
    REQUIRE(l.size() == 3);
    CHECK(l[0].text == u"one"_s);
    CHECK(l[0].line == 1);
    CHECK(l[1].text == u"two\\\"x"_s);
    CHECK(l[1].line == 2);
    CHECK(l[2].text == u"three\n)\""_s);
    CHECK(l[2].line == 3);
    const QString stripped = stripComments(u"x; // y\n/* z\n w */ v;"_s, false);
    CHECK(stripped.count(u'\n') == 2);
    CHECK_FALSE(stripped.contains(u'y'));
    CHECK_FALSE(stripped.contains(u'z'));
    CHECK(stripped.contains(u'v'));
}

// ---- the tree as it is ----------------------------------------------------------------------

TEST_CASE("No SQL outside core storage", "[house][tree]")
{
    const QList<Violation> found = realTree(Rule::SqlOutsideStorage);
    INFO(listed(found).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("No Qt Widgets in core or documents", "[house][tree]")
{
    const QList<Violation> found = realTree(Rule::WidgetsInCore);
    INFO(listed(found).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("No include upwards between the layers", "[house][tree]")
{
    const QList<Violation> found = realTree(Rule::IncludeUpwards);
    INFO(listed(found).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("No source file over 900 lines", "[house][tree]")
{
    const QList<Violation> found = realTree(Rule::FileTooLong);
    INFO(listed(found).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("The faces read through the Reader", "[house][tree]")
{
    const QList<Violation> found = realTree(Rule::FaceReachesStorage);
    INFO(listed(found).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("The house check sees the whole tree", "[house][tree]")
{
    // A check that read nothing would pass: the tree has its layers and its storage.
    const QDir src(QStringLiteral(FWB_SOURCE_DIR "/src"));
    for (const char* file : {"core/storage/query.h", "core/workbench.cpp", "documents/export.cpp",
                             "cli/cli.cpp", "app/main.cpp"})
        CHECK(QFile::exists(src.filePath(QString::fromLatin1(file))));
    QFile query(src.filePath(u"core/storage/query.h"_s));
    REQUIRE(query.open(QIODevice::ReadOnly));
    // Outside storage the same text would be refused.
    CHECK_FALSE(
        of(checkFile(u"core/x.h"_s, QString::fromUtf8(query.readAll())), Rule::SqlOutsideStorage)
            .isEmpty());
}
