// The Documents and Review tabs read the typed change records: a change to what they show reloads
// them, a change to something they do not show leaves them (and the person's place) untouched.
#include "app/documents/documentsworkspace.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "app/review/reviewworkspace.h"
#include "apptest.h"
#include "core/workbench.h"
#include "demowindow.h"

#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>

using namespace fwb;
using namespace fwb::app;

namespace {
QString S(const char* s)
{
    return QString::fromUtf8(s);
}
} // namespace

TEST_CASE("The Documents tab rebuilds its outline only for documents and sections",
          "[window][changes]")
{
    apptest::DemoWindow w(QSize(1400, 900));
    w.window.navigatorView()->selectKey(
        {NavigatorKey::Kind::Force, S("peel-effectiveness-2015"), S("lancashire"), {}});
    w.window.workTabs()->setCurrentWidget(w.window.documentsWorkspace());
    DocumentsWorkspace* docs = w.window.documentsWorkspace();
    REQUIRE(docs->currentDocument() == S("lancs-2015-report"));
    QTreeWidgetItem* item = docs->outline()->currentItem();
    REQUIRE(item);
    const QString section = docs->currentSection();

    Workbench* wb = w.window.workbench();
    wb->notifyChanged(
        ChangeSet{{EntityKind::ReviewNote, ChangeOp::Added, {S("n-1")}, {}, {}, false}});
    wb->notifyChanged(
        ChangeSet{{EntityKind::Response, ChangeOp::Changed, {S("r-1")}, {}, {}, false}});
    QCoreApplication::processEvents();
    CHECK(docs->outline()->currentItem() == item); // not rebuilt

    wb->notifyChanged(
        ChangeSet{{EntityKind::Section, ChangeOp::Changed, {section}, {}, {}, false}});
    CHECK(docs->outline()->currentItem() != item); // rebuilt, in the same place
    CHECK(docs->currentSection() == section);
}

TEST_CASE("The Review tab reloads for the review's records and not for others", "[window][changes]")
{
    apptest::DemoWindow w(QSize(1400, 900));
    w.window.navigatorView()->selectKey(
        {NavigatorKey::Kind::Force, S("peel-effectiveness-2015"), S("lancashire"), {}});
    ReviewWorkspace* review = w.window.reviewWorkspace();
    w.window.workTabs()->setCurrentWidget(review);
    REQUIRE(review->selectDocument(S("lancs-2015-report")));
    QCoreApplication::processEvents();
    REQUIRE_FALSE(review->moveButtons().isEmpty());
    QPointer<QPushButton> button = review->moveButtons().first();

    Workbench* wb = w.window.workbench();
    wb->notifyChanged(
        ChangeSet{{EntityKind::FollowUp, ChangeOp::Changed, {S("f-1")}, {}, {}, false}});
    QTest::qWait(50);
    CHECK(button); // the buttons were not made again
    CHECK(review->moveButtons().first() == button.data());

    wb->notifyChanged(
        ChangeSet{{EntityKind::ReviewNote, ChangeOp::Added, {S("n-1")}, {}, {}, false}});
    CHECK(apptest::eventually([&] { return button.isNull(); }));
    CHECK_FALSE(review->moveButtons().isEmpty());
}
