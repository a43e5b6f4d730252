// Hostile uids and codes from the command line: refused on the way in with a message naming the
// place, and, where a workbench holds one from before the rule, rendered under a safe name that
// stays in the folder given.

#include "clitest.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {

const QString kPeel = S("peel-effectiveness-2015");

QString demo(const test::Scratch& dir)
{
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    return file;
}

// Runs one statement on the workbench as an older version (or another program) could have.
void sql(const QString& file, const QString& statement, const QVariantList& values = {})
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("names"));
        db.setDatabaseName(file);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.prepare(statement));
        for (const QVariant& v : values)
            q.addBindValue(v);
        INFO(statement.toStdString());
        REQUIRE(q.exec());
        CHECK(q.numRowsAffected() == 1);
    }
    QSqlDatabase::removeDatabase(S("names"));
}

// Every file under root, relative to it.
QStringList filesUnder(const QString& root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QDir(root).relativeFilePath(it.next());
        if (!name.startsWith(S("demo.fwb"))) // the workbench and its journal
            out << name;
    }
    out.sort();
    return out;
}

const QStringList& hostileUids()
{
    static const QStringList u{S("../../x"),   S("/abs"),
                               S("a\\b"),      S(".."),
                               S("new\nline"), S("nul") + QChar(0) + S("x"),
                               S(".hidden"),   QString(101, QLatin1Char('u'))};
    return u;
}

} // namespace

TEST_CASE("fwb document create, finding add, evidence add, metric set, programme create and person "
          "set refuse "
          "a hostile uid or code",
          "[cli][names]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const QByteArray before = test::readFile(file);
    for (const QString& uid : hostileUids()) {
        if (uid.contains(QChar(0)))
            continue; // an argument cannot hold NUL; the interchange test covers it
        INFO(uid.toStdString());
        const Run doc =
            runFwb({S("document"), S("create"), file, S("--programme"), kPeel, S("--force"),
                    S("kent"), S("--kind"), S("report"), S("--uid"), uid});
        CHECK(doc.code != 0);
        CHECK(doc.err.contains(S("document uid \"")));
        CHECK(doc.err.contains(S("is not valid")));
        CHECK(doc.err.contains(S("use letters a-z and A-Z, digits, '-', '.' and '_'")));
        const Run finding = runFwb({S("finding"), S("add"), file, S("--programme"), kPeel,
                                    S("--force"), S("kent"), S("--question"), S("Q1"), S("--kind"),
                                    S("strength"), S("--text"), S("T."), S("--uid"), uid});
        CHECK(finding.code != 0);
        CHECK(finding.err.contains(S("--uid: finding uid \"")));
        const Run evidence =
            runFwb({S("evidence"), S("add"), file, S("--programme"), kPeel, S("--force"), S("kent"),
                    S("--label"), S("L"), S("--method"), S("survey"), S("--uid"), uid});
        CHECK(evidence.code != 0);
        CHECK(evidence.err.contains(S("--uid: evidence uid \"")));
        const Run metric =
            runFwb({S("metric"), S("set"), file, S("--programme"), kPeel, S("--force"), S("kent"),
                    S("--name"), S("N"), S("--value"), S("1"), S("--uid"), uid});
        CHECK(metric.code != 0);
        CHECK(metric.err.contains(S("--uid: metric uid \"")));
        const Run programme = runFwb({S("programme"), S("create"), file, S("--code"), uid,
                                      S("--title"), S("T"), S("--year"), S("2020")});
        CHECK(programme.code != 0);
        CHECK(programme.err.contains(S("programme code \"")));
        const Run person = runFwb({S("person"), S("set"), file, uid, S("--name"), S("N")});
        CHECK(person.code != 0);
        CHECK(person.err.contains(S("person code \"")));
        // The message stays on one line, whatever the uid holds.
        CHECK(doc.err.trimmed().count(QLatin1Char('\n')) == 0);
    }
    CHECK(test::readFile(file) == before);
}

TEST_CASE("fwb import of a file with a hostile uid is refused naming the record and field, and "
          "writes nothing",
          "[cli][names]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const Run exported = runFwb({S("export"), file, S("--format"), S("json"), S("--programme"),
                                 kPeel, S("--force"), S("lancashire")});
    REQUIRE(exported.code == 0);
    const QByteArray before = test::readFile(file);
    for (const QString& uid : hostileUids()) {
        INFO(uid.toStdString());
        QJsonObject root = QJsonDocument::fromJson(exported.out.toUtf8()).object();
        QJsonArray documents = root[S("documents")].toArray();
        REQUIRE_FALSE(documents.isEmpty());
        QJsonObject d = documents[0].toObject();
        d[S("uid")] = QString(uid + S("-new"));
        documents.append(d);
        root[S("documents")] = documents;
        const QString path = dir.path(S("hostile.json"));
        test::writeFile(path, QJsonDocument(root).toJson());
        const Run r = runFwb({S("import"), file, path});
        CHECK(r.code != 0);
        CHECK(r.err.contains(
            QStringLiteral("hostile.json: documents[%1].uid: uid \"").arg(documents.size() - 1)));
        CHECK(r.err.contains(S("is not valid: it ")));
        CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
    }
    CHECK(test::readFile(file) == before);
}

TEST_CASE("fwb render --all-forces writes a document with a uid from before the rule under a safe "
          "name inside "
          "the folder",
          "[cli][names][documents]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    // A second report for Lancashire, so that the uid is part of its file name, and a third.
    REQUIRE(runFwb({S("document"), S("create"), file, S("--programme"), kPeel, S("--force"),
                    S("lancashire"), S("--kind"), S("report"), S("--uid"), S("lancs-draft")})
                .code == 0);
    REQUIRE(runFwb({S("document"), S("create"), file, S("--programme"), kPeel, S("--force"),
                    S("lancashire"), S("--kind"), S("report"), S("--uid"), S("lancs-draft-2")})
                .code == 0);
    // Stored before uids were checked: one that climbs out of the folder, one with a line break.
    sql(file, S("UPDATE documents SET uid = ? WHERE uid = 'lancs-draft'"), {S("/../../x")});
    sql(file, S("UPDATE documents SET uid = ? WHERE uid = 'lancs-draft-2'"), {S("x\ny")});

    // The folder, with a folder inside of the prefix the uid would use, and a sibling to prove
    // nothing lands beside it.
    const QString outDir = dir.path(S("out/reports"));
    REQUIRE(QDir().mkpath(outDir + S("/lancashire-peel-effectiveness-2015-report-")));
    REQUIRE(QDir().mkpath(dir.path(S("out/sibling"))));
    const QStringList outsideBefore = filesUnder(dir.path(S(".")));

    const Run r = runFwb({S("render"), file, S("--programme"), kPeel, S("--kind"), S("report"),
                          S("--all-forces"), S("--format"), S("md"), S("--dir"), outDir});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QStringList written = QDir(outDir).entryList(QDir::Files);
    CHECK(written.contains(S("lancashire-peel-effectiveness-2015-report-x.md")));
    CHECK(written.contains(S("lancashire-peel-effectiveness-2015-report-x-y.md")));
    for (const QString& name : written) {
        INFO(name.toStdString());
        CHECK(r.out.contains(QDir(outDir).filePath(name)));
    }
    // Nothing was written anywhere else.
    QStringList outsideAfter = filesUnder(dir.path(S(".")));
    for (const QString& name : written)
        outsideAfter.removeAll(S("out/reports/") + name);
    CHECK(outsideAfter == outsideBefore);
    CHECK(filesUnder(dir.path(S("out/sibling"))).isEmpty());
    CHECK_FALSE(QFile::exists(dir.path(S("out/x.md"))));
    CHECK_FALSE(QFile::exists(dir.path(S("x.md"))));
    // The report with the odd uid still renders on its own, by that uid.
    const Run one =
        runFwb({S("render"), file, S("--document"), S("/../../x"), S("--format"), S("md")});
    CHECK(one.code == 0);
    CHECK_FALSE(one.out.isEmpty());
}

TEST_CASE("fwb review send writes the pack inside its folder for a force whose code is from before "
          "the rule",
          "[cli][names][review]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    // ('/' is left out: the review's keys are "programme/force/question", and a stored force code
    // holding one cannot be moved through the review at all.)
    sql(file, S("UPDATE forces SET code = ? WHERE code = 'lancashire'"), {S("..\\..\\.evil code")});
    REQUIRE(runFwb({S("review"), S("move"), file, S("--document"), S("lancs-2015-report"),
                    S("--to"), S("ready")})
                .code == 0);
    const QString pack = dir.path(S("out/pack"));
    REQUIRE(QDir().mkpath(dir.path(S("out/sibling"))));
    const QStringList outsideBefore = filesUnder(dir.path(S(".")));
    const Run sent = runFwb(
        {S("review"), S("send"), file, S("--document"), S("lancs-2015-report"), S("-o"), pack});
    INFO(sent.err.toStdString());
    REQUIRE(sent.code == 0);
    const QStringList written = QDir(pack).entryList(QDir::Files);
    CHECK(written.size() == 5);
    for (const QString& name : written) {
        INFO(name.toStdString());
        CHECK(name.startsWith(S("evil-code-peel-effectiveness-2015-report-factual-accuracy-1")));
    }
    QStringList outsideAfter = filesUnder(dir.path(S(".")));
    for (const QString& name : written)
        outsideAfter.removeAll(S("out/pack/") + name);
    CHECK(outsideAfter == outsideBefore);
}

TEST_CASE("fwb review move refuses, and does not crash, on a force whose code holds a slash from "
          "before the rule",
          "[cli][names][review]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    sql(file, S("UPDATE forces SET code = ? WHERE code = 'lancashire'"), {S("lanc/ashire")});
    const Run moved = runFwb({S("review"), S("move"), file, S("--document"), S("lancs-2015-report"),
                              S("--to"), S("ready")});
    INFO(moved.err.toStdString());
    // The document's judgments cannot be found under a key that splits into four parts: the move
    // is refused with the judgment named, and the document stays where it was.
    CHECK(moved.code != 0);
    CHECK(moved.code < 128);
    CHECK(moved.err.contains(S("lanc/ashire")));
    const Run status =
        runFwb({S("review"), S("status"), file, S("--document"), S("lancs-2015-report")});
    CHECK(status.code == 0);
    CHECK(status.out.contains(S("Draft")));
}
