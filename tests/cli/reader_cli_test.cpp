// The Reader (core/reader.h) that `fwb` reads through: it offers the reads and no writer, and
// reads what the repositories hold.
#include "clitest.h"
#include "core/reader.h"
#include "core/services/documents.h"

using namespace Qt::StringLiterals;
using namespace fwb;
using namespace fwb::clitest;

namespace {

QString demo(const test::Scratch& dir)
{
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    return file;
}

template <class R>
concept WritesFindings = requires(R& r, const Finding& f)
{
    r.upsertFinding(f);
};
template <class R>
concept RemovesDocuments = requires(R& r, const QString& uid)
{
    r.removeDocument(uid);
};
template <class R>
concept AppendsAudit = requires(R& r)
{
    r.append(u""_s, u""_s, u""_s, u""_s, u""_s, u""_s);
};
template <class R>
concept ReachesDatabase = requires(R& r)
{
    r.database();
};

// The repositories write; the Reader cannot, and gives no way to the database.
static_assert(WritesFindings<DraftRepository>);
static_assert(!WritesFindings<Reader>);
static_assert(RemovesDocuments<DocumentRepository>);
static_assert(!RemovesDocuments<Reader>);
static_assert(AppendsAudit<AuditLog>);
static_assert(!AppendsAudit<Reader>);
static_assert(!ReachesDatabase<Reader>);

} // namespace

TEST_CASE("The Reader reads what the repositories hold", "[cli][reader]")
{
    test::Scratch dir;
    auto wb = Workbench::open(demo(dir));
    REQUIRE(wb);
    const Reader reader = (*wb)->reader();
    CHECK(reader.programmes().size() == (*wb)->reference().programmes().size());
    CHECK(reader.forces().size() == (*wb)->reference().forces().size());
    CHECK(reader.findings(u"peel-effectiveness-2015"_s).size() ==
          (*wb)->drafts().findings(u"peel-effectiveness-2015"_s).size());
    CHECK(reader.info().findings == (*wb)->info().findings);
    CHECK(reader.auditCount() == (*wb)->audit().count());
    CHECK(reader.path() == (*wb)->path());
}

TEST_CASE("The Reader finds the one document of a kind or says why not", "[cli][reader]")
{
    test::Scratch dir;
    auto wb = Workbench::open(demo(dir));
    REQUIRE(wb);
    const Reader reader = (*wb)->reader();
    const QString peel = u"peel-effectiveness-2015"_s;
    auto one = reader.findDocument(peel, u"lancashire"_s, u"report"_s);
    REQUIRE(one);
    CHECK(one->forceCode == u"lancashire"_s);
    CHECK(one->kind == u"report"_s);

    auto none = reader.findDocument(peel, u"kent"_s, u"report"_s);
    REQUIRE_FALSE(none);
    CHECK(none.error().code == Error::Code::NotFound);
    CHECK(none.error().message.contains(u"there is no report for kent"_s));

    REQUIRE(DocumentService(**wb).create(peel, u"lancashire"_s, u"report"_s, u"second"_s));
    auto two = reader.findDocument(peel, u"lancashire"_s, u"report"_s);
    REQUIRE_FALSE(two);
    CHECK(two.error().code == Error::Code::Invalid);
    CHECK(two.error().message.contains(u"second"_s));
    CHECK(reader.documentsOfKind(peel, u"report"_s).size() == 2);
    CHECK(reader.documentsOfKind(peel, u"letter"_s, u"lancashire"_s).isEmpty());
}
