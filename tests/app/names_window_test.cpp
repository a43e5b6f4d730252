// Export All Forces with documents whose uids came in before uids were checked: every file is
// written under a safe name inside the folder chosen, none beside it.

#include "app/documents/batchexportdialog.h"
#include "apptest.h"
#include "core/services/documents.h"
#include "demowindow.h"

#include <QDir>
#include <QDirIterator>

using namespace fwb;
using namespace fwb::app;

namespace {

QStringList filesUnder(const QString& root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QDir(root).relativeFilePath(it.next());
        if (!name.startsWith(QStringLiteral("demo.fwb")))
            out << name;
    }
    out.sort();
    return out;
}

} // namespace

TEST_CASE("Export All Forces writes documents with uids from before the rule under safe names "
          "inside the folder",
          "[app][documents][names]")
{
    apptest::DemoWindow w;
    Workbench& wb = *w.window.workbench();
    const QString peel = QStringLiteral("peel-effectiveness-2015");
    REQUIRE(DocumentService(wb).create(peel, QStringLiteral("lancashire"), QStringLiteral("report"),
                                       QStringLiteral("lancs-a")));
    REQUIRE(DocumentService(wb).create(peel, QStringLiteral("lancashire"), QStringLiteral("report"),
                                       QStringLiteral("lancs-b")));
    REQUIRE(wb.database().execScript(
        QStringLiteral("UPDATE documents SET uid = '/../../x' WHERE uid = 'lancs-a';"
                       "UPDATE documents SET uid = 'a\\b' WHERE uid = 'lancs-b';"),
        QStringLiteral("storing old uids")));
    const QString out = w.scratch.path(QStringLiteral("out/reports"));
    REQUIRE(QDir().mkpath(out + QStringLiteral("/lancashire-peel-effectiveness-2015-report-")));
    REQUIRE(QDir().mkpath(w.scratch.path(QStringLiteral("out/sibling"))));
    const QStringList before = filesUnder(w.scratch.path(QStringLiteral(".")));

    BatchExportDialog dialog(wb, peel, QStringLiteral("report"), &w.window);
    dialog.setFolder(out);
    dialog.setFormat(QStringLiteral("md"));
    const int written = dialog.exportAll();
    INFO(dialog.summary().toStdString());
    CHECK(written == 3);
    const QStringList names = QDir(out).entryList(QDir::Files);
    CHECK(names.size() == 3);
    CHECK(names.contains(QStringLiteral("lancashire-peel-effectiveness-2015-report-x.md")));
    CHECK(names.contains(QStringLiteral("lancashire-peel-effectiveness-2015-report-a-b.md")));
    QStringList after = filesUnder(w.scratch.path(QStringLiteral(".")));
    for (const QString& n : names)
        after.removeAll(QStringLiteral("out/reports/") + n);
    CHECK(after == before);
    CHECK(filesUnder(w.scratch.path(QStringLiteral("out/sibling"))).isEmpty());
}
