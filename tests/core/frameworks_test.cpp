// FrameworkService: programmes, question trees, forces and people — and what it refuses so that
// nothing an inspector wrote is lost.

#include "core/services/frameworks.h"
#include "coretest.h"
#include "testsupport.h"

using namespace fwb;

namespace {
const QString kPeel = QStringLiteral("peel-effectiveness-2015");

QStringList codes(const QList<Question>& qs)
{
    QStringList out;
    for (const Question& q : qs) {
        out << q.code;
        out += codes(q.children);
    }
    return out;
}

Question* find(QList<Question>& qs, const QString& code)
{
    for (Question& q : qs) {
        if (q.code == code)
            return &q;
        if (Question* c = find(q.children, code))
            return c;
    }
    return nullptr;
}
} // namespace

TEST_CASE("copying a framework gives a new programme with the same questions, grading and scale",
          "[frameworks]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("f.fwb"), true);
    FrameworkService frameworks(*wb);
    auto copy = frameworks.copyFramework(kPeel, QStringLiteral("peel-effectiveness-2016"),
                                         QStringLiteral("PEEL: Police effectiveness 2016"), 2016);
    REQUIRE(copy);
    const auto original = wb->reference().programme(kPeel);
    REQUIRE(original);
    CHECK(copy->year == 2016);
    CHECK(copy->gradeScaleCode == original->gradeScaleCode);
    CHECK(copy->kind == original->kind);
    CHECK(codes(copy->questions) == codes(original->questions));
    int graded = 0;
    for (const Question& q : wb->reference().questionsFlat(copy->code))
        graded += q.graded ? 1 : 0;
    CHECK(graded == 5);
    // Nothing of the 2015 material came with it.
    CHECK(wb->drafts().findings(copy->code).isEmpty());
    CHECK(wb->audit().entries(QStringLiteral("programme"), copy->code).size() == 1);

    auto again = frameworks.copyFramework(kPeel, QStringLiteral("peel-effectiveness-2016"),
                                          QStringLiteral("x"), 2016);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == Error::Code::Conflict);
    CHECK_FALSE(frameworks.copyFramework(QStringLiteral("nope"), QStringLiteral("a"),
                                         QStringLiteral("b"), 2016));
}

TEST_CASE("editing a question tree: add, nest, reorder, remove — and removing what holds material "
          "is refused",
          "[frameworks]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("f.fwb"), true);
    FrameworkService frameworks(*wb);
    Programme p = *wb->reference().programme(kPeel);
    const Programme original = p;

    // Add a sub-question under Q3 and make it graded; move Q4 before Q3.
    Question* q3 = find(p.questions, QStringLiteral("Q3"));
    REQUIRE(q3);
    Question added;
    added.code = QStringLiteral("Q3.1");
    added.text = QStringLiteral("How well does the force protect people from harm?");
    added.graded = true;
    q3->children.push_back(added);
    Question* top = find(p.questions, QStringLiteral("Q0"));
    REQUIRE(top);
    auto& tops = top->children;
    const auto i3 = std::find_if(tops.begin(), tops.end(),
                                 [](const Question& q) { return q.code == QStringLiteral("Q3"); });
    const auto i4 = std::find_if(tops.begin(), tops.end(),
                                 [](const Question& q) { return q.code == QStringLiteral("Q4"); });
    REQUIRE(i3 != tops.end());
    REQUIRE(i4 != tops.end());
    std::iter_swap(i3, i4);
    auto saved = frameworks.saveProgramme(p);
    REQUIRE(saved);
    QStringList order;
    for (const Question& q : wb->reference().questionsFlat(kPeel))
        if (q.depth == 1)
            order << q.code;
    CHECK(order.indexOf(QStringLiteral("Q4")) < order.indexOf(QStringLiteral("Q3")));
    bool found = false;
    for (const Question& q : wb->reference().questionsFlat(kPeel))
        if (q.code == QStringLiteral("Q3.1")) {
            found = true;
            CHECK(q.graded);
            CHECK(q.depth == 2);
        }
    CHECK(found);

    // Undo: saving the original removes the empty Q3.1 again.
    REQUIRE(frameworks.saveProgramme(original));
    CHECK_FALSE(
        codes(wb->reference().programme(kPeel)->questions).contains(QStringLiteral("Q3.1")));

    // Q1.1.2 holds findings: removing it is refused, and nothing changes.
    const QByteArray before = wb->exportJson(ExportScope{kPeel, {}}).value();
    Programme without = original;
    Question* q11 = find(without.questions, QStringLiteral("Q1.1"));
    REQUIRE(q11);
    q11->children.removeIf([](const Question& q) { return q.code == QStringLiteral("Q1.1.2"); });
    auto refused = frameworks.saveProgramme(without);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("Q1.1.2 holds 5 findings")));
    CHECK(wb->exportJson(ExportScope{kPeel, {}}).value() == before);

    // Q1 has a judgment: it must stay graded.
    Programme ungraded = original;
    find(ungraded.questions, QStringLiteral("Q1"))->graded = false;
    auto kept = frameworks.saveProgramme(ungraded);
    REQUIRE_FALSE(kept);
    CHECK(kept.error().message.contains(QStringLiteral("must stay graded")));

    // Bad trees are refused before anything is written.
    Programme twice = original;
    Question dup;
    dup.code = QStringLiteral("Q1");
    dup.text = QStringLiteral("Again");
    twice.questions.push_back(dup);
    auto dupRefused = frameworks.saveProgramme(twice);
    REQUIRE_FALSE(dupRefused);
    CHECK(dupRefused.error().message.contains(QStringLiteral("used twice")));
    CHECK(wb->exportJson(ExportScope{kPeel, {}}).value() == before);
}

TEST_CASE("a new programme, and deleting one only when it holds nothing", "[frameworks]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("f.fwb"), true);
    FrameworkService frameworks(*wb);
    Programme p;
    p.code = QStringLiteral("child-protection-2016");
    p.title = QStringLiteral("National child protection inspection");
    p.year = 2016;
    p.kind = QStringLiteral("thematic");
    Question a;
    a.code = QStringLiteral("A1");
    a.text = QStringLiteral("Initial contact");
    p.questions = {a};
    REQUIRE(frameworks.createProgramme(p));
    CHECK(wb->reference().programme(p.code)->questions.size() == 1);
    REQUIRE(frameworks.deleteProgramme(p.code));
    CHECK_FALSE(wb->reference().programme(p.code));

    auto busy = frameworks.deleteProgramme(kPeel);
    REQUIRE_FALSE(busy);
    CHECK(busy.error().message.contains(QStringLiteral("cannot be deleted")));

    Programme bad = p;
    bad.year = 15;
    CHECK_FALSE(frameworks.createProgramme(bad));
    bad = p;
    bad.code = QStringLiteral("has space");
    CHECK_FALSE(frameworks.createProgramme(bad));
    bad = p;
    bad.questions[0].text.clear();
    CHECK_FALSE(frameworks.createProgramme(bad));
}

TEST_CASE("forces and people are edited with an audit trail, people in use cannot be deleted",
          "[frameworks]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("f.fwb"), true);
    FrameworkService frameworks(*wb);
    Force kent = *wb->reference().force(QStringLiteral("kent"));
    const QString name = kent.name;
    const auto history =
        wb->audit().entries(QStringLiteral("force"), QStringLiteral("kent")).size();
    kent.name = QStringLiteral("Kent County Police");
    REQUIRE(frameworks.saveForce(kent));
    CHECK(wb->reference().force(QStringLiteral("kent"))->name ==
          QStringLiteral("Kent County Police"));
    kent.style = QStringLiteral("brigade");
    CHECK_FALSE(frameworks.saveForce(kent));
    kent.style = QStringLiteral("force");
    kent.name = name;
    REQUIRE(frameworks.saveForce(kent));
    CHECK(wb->audit().entries(QStringLiteral("force"), QStringLiteral("kent")).size() ==
          history + 2);

    Person p;
    p.code = QStringLiteral("alan-pughsley");
    p.name = QStringLiteral("Alan Pughsley");
    p.title = QStringLiteral("Chief Constable");
    p.postNominals = QStringLiteral("QPM");
    p.forceCode = QStringLiteral("kent");
    REQUIRE(frameworks.savePerson(p));
    CHECK(wb->reference().person(p.code)->postNominals == QStringLiteral("QPM"));
    REQUIRE(frameworks.deletePerson(p.code));
    CHECK_FALSE(wb->reference().person(p.code));

    // The recipient of the demo letter is named by a document.
    const auto chief = wb->reference().force(QStringLiteral("lancashire"))->chiefOfficerCode;
    REQUIRE(!chief.isEmpty());
    auto refused = frameworks.deletePerson(chief);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("cannot be deleted")));
}
