// Codes and uids: one rule on every way in (interchange files, creating programmes, people, forces
// and documents), and file names made of slugs that cannot lead out of the folder they are for.

#include "coretest.h"

#include "core/domain/types.h"
#include "core/io/filenames.h"
#include "core/io/interchange.h"
#include "core/services/documents.h"
#include "core/services/frameworks.h"
#include "core/storage/documentrepository.h"

#include <QDir>

using namespace fwb;
using namespace coretest;

namespace {

// uids and codes nobody should be able to bring in, with what the refusal should say.
struct Hostile {
    QString value;
    QString problem;
};

QList<Hostile> hostileCodes()
{
    return {
        {QStringLiteral("../../x"), QStringLiteral("contains \"/\"")},
        {QStringLiteral("/abs"), QStringLiteral("contains \"/\"")},
        {QStringLiteral("a\\b"), QStringLiteral("contains \"\\\"")},
        {QStringLiteral(".."), QStringLiteral("contains \"..\"")},
        {QStringLiteral("a..b"), QStringLiteral("contains \"..\"")},
        {QStringLiteral(".hidden"), QStringLiteral("starts with \".\"")},
        {QStringLiteral("-rf"), QStringLiteral("starts with \"-\"")},
        {QStringLiteral("a b"), QStringLiteral("contains a space")},
        {QStringLiteral("line\nbreak"), QStringLiteral("contains a control character (U+000A)")},
        {QStringLiteral("nul") + QChar(0) + QStringLiteral("x"),
         QStringLiteral("contains a control character (U+0000)")},
        {QStringLiteral("tab\t"), QStringLiteral("contains a control character (U+0009)")},
        {QStringLiteral("caf\u00e9"), QStringLiteral("contains \"\u00e9\"")},
        {QStringLiteral("a:b"), QStringLiteral("contains \":\"")},
        {QString(MaxCodeLength + 1, QLatin1Char('a')),
         QStringLiteral("is %1 characters long").arg(MaxCodeLength + 1)}};
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson();
}

QJsonObject documentRecord(const QString& uid)
{
    return {{QStringLiteral("uid"), uid},
            {QStringLiteral("programme"), kProgramme},
            {QStringLiteral("force"), QStringLiteral("lancashire")},
            {QStringLiteral("kind"), QStringLiteral("letter")},
            {QStringLiteral("title"), QStringLiteral("A letter")}};
}

QByteArray file(const char* array, const QJsonObject& record)
{
    return json({{QStringLiteral("format"), QStringLiteral("findings-workbench")},
                 {QStringLiteral("version"), 1},
                 {QString::fromLatin1(array), QJsonArray{record}}});
}

} // namespace

TEST_CASE(
    "The code rule accepts the codes and uids the program makes and refuses the rest, saying why",
    "[names]")
{
    for (const char* good : {"lancashire", "peel-effectiveness-2015", "Q2.3", "lancs-2015-f-001",
                             "a_b", "0", "lancashire-2015-report-3k9x2a1b", "x.y-z"})
        CHECK(codeProblem(QString::fromLatin1(good)).isEmpty());
    CHECK(isValidCode(QString(MaxCodeLength, QLatin1Char('a'))));
    CHECK(codeProblem(QString()) == QStringLiteral("is empty"));
    for (const Hostile& h : hostileCodes()) {
        INFO(h.value.toStdString());
        CHECK_FALSE(isValidCode(h.value));
        CHECK(codeProblem(h.value) == h.problem);
    }
    const QString message = invalidCodeMessage(QStringLiteral("uid"), QStringLiteral("a\nb"));
    CHECK(message ==
          QStringLiteral(
              "uid \"a\\nb\" is not valid: it contains a control character (U+000A) (use letters "
              "a-z and A-Z, digits, '-', '.' and '_', starting with a letter or digit, at most "
              "100 characters)"));
    CHECK_FALSE(message.contains(QLatin1Char('\n')));
}

TEST_CASE("An interchange file with a hostile uid or code is refused naming the record and field",
          "[names][import]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    const qint64 audit = AuditLog(*db).count();
    for (const Hostile& h : hostileCodes()) {
        INFO(h.value.toStdString());
        auto parsed = interchange::parse(file("documents", documentRecord(h.value)),
                                         QStringLiteral("x.json"));
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == Error::Code::Invalid);
        CHECK(
            parsed.error().message.startsWith(QStringLiteral("x.json: documents[0].uid: uid \"")));
        CHECK(parsed.error().message.contains(h.problem));
        CHECK(parsed.error().message.contains(QStringLiteral("use letters a-z and A-Z, digits")));
        auto imported = transfer::importJson(*db, file("documents", documentRecord(h.value)),
                                             QStringLiteral("x.json"), kActor);
        CHECK_FALSE(imported.ok());
    }
    CHECK(count(*db, QStringLiteral("documents")) == 0);
    CHECK(AuditLog(*db).count() == audit);

    // Every kind of record with a uid, and codes, by the same rule.
    auto refused = [](const char* array, QJsonObject record, const char* field,
                      const QString& expected) {
        record.insert(QString::fromLatin1(field), QStringLiteral("../x"));
        auto r = interchange::parse(file(array, record), QStringLiteral("x.json"));
        REQUIRE_FALSE(r.ok());
        INFO(r.error().message.toStdString());
        CHECK(r.error().message.startsWith(
            QStringLiteral("x.json: %1[0].%2: %3 \"../x\" is not valid")
                .arg(QString::fromLatin1(array), QString::fromLatin1(field), expected)));
    };
    const QJsonObject finding{{QStringLiteral("uid"), QStringLiteral("f-1")},
                              {QStringLiteral("programme"), kProgramme},
                              {QStringLiteral("force"), QStringLiteral("lancashire")},
                              {QStringLiteral("question"), QStringLiteral("Q1")},
                              {QStringLiteral("kind"), QStringLiteral("strength")},
                              {QStringLiteral("text"), QStringLiteral("T.")}};
    refused("findings", finding, "uid", QStringLiteral("uid"));
    refused("findings", finding, "force", QStringLiteral("code"));
    refused("documents", documentRecord(QStringLiteral("d-1")), "programme",
            QStringLiteral("code"));
    refused("people",
            {{QStringLiteral("code"), QStringLiteral("p")},
             {QStringLiteral("name"), QStringLiteral("P")}},
            "code", QStringLiteral("code"));
    refused("evidence",
            {{QStringLiteral("uid"), QStringLiteral("e")},
             {QStringLiteral("programme"), kProgramme},
             {QStringLiteral("force"), QStringLiteral("lancashire")},
             {QStringLiteral("label"), QStringLiteral("L")},
             {QStringLiteral("method"), QStringLiteral("survey")}},
            "uid", QStringLiteral("uid"));
    refused("metrics",
            {{QStringLiteral("uid"), QStringLiteral("m")},
             {QStringLiteral("programme"), kProgramme},
             {QStringLiteral("force"), QStringLiteral("lancashire")},
             {QStringLiteral("name"), QStringLiteral("N")},
             {QStringLiteral("force_value"), 1}},
            "uid", QStringLiteral("uid"));
    QJsonObject withSection = documentRecord(QStringLiteral("d-1"));
    withSection.insert(
        QStringLiteral("sections"),
        QJsonArray{QJsonObject{{QStringLiteral("uid"), QStringLiteral("s/../x")},
                               {QStringLiteral("kind"), QStringLiteral("narrative")}}});
    auto section = interchange::parse(file("documents", withSection), QStringLiteral("x.json"));
    REQUIRE_FALSE(section.ok());
    CHECK(section.error().message.startsWith(
        QStringLiteral("x.json: documents[0].sections[0].uid: uid \"s/../x\"")));
}

TEST_CASE("Creating a document, programme, force or person with a hostile code is refused, while a "
          "fresh uid passes",
          "[names]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("wb.fwb"), true);
    const QString programme = QStringLiteral("peel-effectiveness-2015");
    const QString force = QStringLiteral("kent");
    const qint64 documents = wb->documents().documents(programme).size();
    DocumentService docs(*wb);
    FrameworkService frameworks(*wb);
    for (const Hostile& h : hostileCodes()) {
        INFO(h.value.toStdString());
        auto d = docs.create(programme, force, QStringLiteral("letter"), h.value);
        REQUIRE_FALSE(d.ok());
        CHECK(d.error().code == Error::Code::Invalid);
        CHECK(d.error().message.startsWith(QStringLiteral("document uid \"")));
        CHECK(d.error().message.contains(h.problem));

        Programme p;
        p.code = h.value;
        p.title = QStringLiteral("T");
        p.year = 2020;
        auto created = frameworks.createProgramme(p);
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().message.startsWith(QStringLiteral("programme code \"")));

        Person person;
        person.code = h.value;
        person.name = QStringLiteral("N");
        auto saved = frameworks.savePerson(person);
        REQUIRE_FALSE(saved.ok());
        CHECK(saved.error().message.startsWith(QStringLiteral("person code \"")));

        Force f;
        f.code = h.value;
        f.name = QStringLiteral("N");
        f.style = QStringLiteral("force");
        auto forceSaved = frameworks.saveForce(f);
        REQUIRE_FALSE(forceSaved.ok());
        CHECK(forceSaved.error().message.startsWith(QStringLiteral("force code \"")));
    }
    Programme withQuestion;
    withQuestion.code = QStringLiteral("new-2020");
    withQuestion.title = QStringLiteral("T");
    withQuestion.year = 2020;
    Question q;
    q.code = QStringLiteral("Q/1");
    q.text = QStringLiteral("Q?");
    withQuestion.questions << q;
    auto badQuestion = frameworks.createProgramme(withQuestion);
    REQUIRE_FALSE(badQuestion.ok());
    CHECK(badQuestion.error().message.startsWith(
        QStringLiteral("question code \"Q/1\" is not valid")));
    CHECK_FALSE(wb->reference().programme(QStringLiteral("new-2020")));
    CHECK(wb->documents().documents(programme).size() == documents);

    auto fresh = docs.create(programme, force, QStringLiteral("letter"), QString());
    REQUIRE(fresh.ok());
    CHECK(isValidCode(fresh->uid));
}

TEST_CASE("A file slug keeps safe names and turns anything else into a plain name",
          "[names][files]")
{
    CHECK(fileSlug(QStringLiteral("lancashire-peel-effectiveness-2015-report")) ==
          QStringLiteral("lancashire-peel-effectiveness-2015-report"));
    CHECK(fileSlug(QStringLiteral("Q2.3")) == QStringLiteral("Q2.3"));
    CHECK(fileSlug(QStringLiteral("/../../x")) == QStringLiteral("x"));
    CHECK(fileSlug(QStringLiteral("a/../../b")) == QStringLiteral("a-b"));
    CHECK(fileSlug(QStringLiteral("a\\b")) == QStringLiteral("a-b"));
    CHECK(fileSlug(QStringLiteral("..")) == QStringLiteral("file"));
    CHECK(fileSlug(QStringLiteral("...."), QStringLiteral("doc")) == QStringLiteral("doc"));
    CHECK(fileSlug(QStringLiteral("a..b")) == QStringLiteral("a.b"));
    CHECK(fileSlug(QStringLiteral(".hidden")) == QStringLiteral("hidden"));
    CHECK(fileSlug(QStringLiteral("-rf")) == QStringLiteral("rf"));
    CHECK(fileSlug(QStringLiteral("line\nbreak")) == QStringLiteral("line-break"));
    CHECK(fileSlug(QStringLiteral("nul") + QChar(0) + QStringLiteral("x")) ==
          QStringLiteral("nul-x"));
    CHECK(fileSlug(QStringLiteral("Caf\u00e9 Cr\u00e8me")) == QStringLiteral("Cafe-Creme"));
    CHECK(fileSlug(QStringLiteral("\u5bfe\u8a71")) == QStringLiteral("file"));
    CHECK(fileSlug(QStringLiteral("con")) == QStringLiteral("con_"));
    CHECK(fileSlug(QStringLiteral("NUL.txt")) == QStringLiteral("NUL_.txt"));
    CHECK(fileSlug(QStringLiteral("console")) == QStringLiteral("console"));
    CHECK(fileSlug(QString(300, QLatin1Char('a'))).size() == MaxSlugLength);
    // Whatever goes in, what comes out is one plain name.
    QStringList inputs{QStringLiteral("/abs"),
                       QStringLiteral("../../x"),
                       QStringLiteral(" "),
                       QStringLiteral("."),
                       QStringLiteral("a/./b"),
                       QStringLiteral("~/x"),
                       QStringLiteral("C:\\x"),
                       QStringLiteral("-"),
                       QStringLiteral("x.") + QString(200, QLatin1Char('.'))};
    for (const Hostile& h : hostileCodes())
        inputs << h.value;
    for (const QString& in : inputs) {
        INFO(in.toStdString());
        const QString slug = fileSlug(in);
        CHECK_FALSE(slug.isEmpty());
        CHECK_FALSE(slug.contains(QLatin1Char('/')));
        CHECK_FALSE(slug.contains(QLatin1Char('\\')));
        CHECK_FALSE(slug.contains(QStringLiteral("..")));
        CHECK_FALSE(slug.startsWith(QLatin1Char('.')));
        CHECK_FALSE(slug.startsWith(QLatin1Char('-')));
        CHECK(slug.size() <= MaxSlugLength);
        CHECK(pathInside(QStringLiteral("/tmp/out"), slug).ok());
    }
}

TEST_CASE("A path is joined only when it stays inside the folder", "[names][files]")
{
    test::Scratch dir;
    const QString out = dir.path(QStringLiteral("out"));
    REQUIRE(QDir().mkpath(out + QStringLiteral("/sub")));
    auto ok = pathInside(out, QStringLiteral("a.pdf"));
    REQUIRE(ok.ok());
    CHECK(*ok == QDir(out).absoluteFilePath(QStringLiteral("a.pdf")));
    for (const QString& bad :
         {QStringLiteral("sub/../../x.pdf"), QStringLiteral("../x.pdf"), QStringLiteral(".."),
          QStringLiteral("."), QString(), QStringLiteral("/etc/passwd"), QStringLiteral("a\\b"),
          QStringLiteral("sub/x.pdf")}) {
        INFO(bad.toStdString());
        auto r = pathInside(out, bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Invalid);
        CHECK(r.error().message.startsWith(QStringLiteral("will not write \"%1\" into ").arg(bad)));
    }
    // A link of the same name that leads out of the folder is not written through.
    REQUIRE(
        QFile::link(dir.path(QStringLiteral("elsewhere.pdf")), out + QStringLiteral("/link.pdf")));
    test::writeFile(dir.path(QStringLiteral("elsewhere.pdf")), "x");
    auto link = pathInside(out, QStringLiteral("link.pdf"));
    REQUIRE_FALSE(link.ok());
    CHECK(link.error().message.contains(QStringLiteral("leads out of the folder")));
}
