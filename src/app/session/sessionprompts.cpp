#include "app/session/sessionprompts.h"

#include "app/session/session.h"
#include "app/settings.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace fwb::app::prompts {

void newWorkbench(QWidget* parent, Session& session)
{
    QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("New Workbench"), session.folder(), QObject::tr("Workbenches (*.fwb)"),
        nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".fwb"_s;
    const auto answer = QMessageBox::question(
        parent, QObject::tr("New Workbench"),
        QObject::tr("Include the demo content?\n\nThe demo holds Lancashire Constabulary's "
                    "material from the Core business 2014 letter and the PEEL effectiveness 2015 "
                    "report. Without it the workbench holds the reference data only: forces, "
                    "grade scale and question frameworks."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    session.create(path, answer == QMessageBox::Yes);
}

void openWorkbench(QWidget* parent, Session& session)
{
    const QString path =
        QFileDialog::getOpenFileName(parent, QObject::tr("Open Workbench"), session.folder(),
                                     QObject::tr("Workbenches (*.fwb);;All files (*)"));
    if (!path.isEmpty())
        session.open(path);
}

void importFile(QWidget* parent, Session& session)
{
    const QString path = QFileDialog::getOpenFileName(
        parent, QObject::tr("Import"), session.folder(),
        QObject::tr("Interchange or judgments (*.json *.csv);;JSON interchange (*.json);;"
                    "Judgments CSV (*.csv);;All files (*)"));
    if (!path.isEmpty())
        session.importFile(path);
}

void exportData(QWidget* parent, Session& session, const NavigatorKey& key)
{
    Workbench* wb = session.workbench();
    if (!wb)
        return;
    QString programmeLabel, forceLabel;
    if (!key.programme.isEmpty())
        if (const auto p = wb->reader().programme(key.programme))
            programmeLabel = p->label();
    if (!key.force.isEmpty())
        if (const auto f = wb->reader().force(key.force))
            forceLabel = f->name;
    ExportDialog dialog(key.programme, programmeLabel, key.force, forceLabel, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool csv = dialog.format() == ExportFormat::Csv;
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export"),
        session.folder() + QLatin1Char('/') + dialog.suggestedFileName(),
        csv ? QObject::tr("Judgments CSV (*.csv)") : QObject::tr("JSON interchange (*.json)"));
    if (!path.isEmpty())
        session.exportTo(path, dialog.format(), dialog.scope());
}

bool publishedReport(QWidget* parent, const Session& session, QString* path, QString* programme)
{
    *path = QFileDialog::getOpenFileName(parent, QObject::tr("Import Published Report"),
                                         session.folder(),
                                         QObject::tr("Report text (*.txt);;All files (*)"));
    if (path->isEmpty())
        return false;
    QStringList labels, codes;
    for (const auto& [code, label] : session.gradedProgrammes()) {
        codes << code;
        labels << label;
    }
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(parent, QObject::tr("Import Published Report"),
                              QObject::tr("The report belongs to:"), labels, 0, false, &ok);
    if (!ok)
        return false;
    *programme = codes.value(labels.indexOf(chosen));
    return true;
}

void about(QWidget* parent)
{
    QMessageBox::about(
        parent, QObject::tr("About Findings Workbench"),
        QObject::tr("<h3>Findings Workbench %1</h3>"
                    "<p>Graded judgments, findings, evidence samples and figures for police "
                    "inspection, and the letters and reports made from them.</p>"
                    "<p>Grades: Outstanding, Good, Requires improvement, Inadequate.</p>")
            .arg(QStringLiteral(FWB_VERSION)));
}

void fillRecentMenu(QMenu* menu, Settings& settings, const std::function<void(QString)>& open)
{
    menu->clear();
    const QStringList files = settings.recentFiles();
    int n = 0;
    for (const QString& file : files) {
        QAction* action = menu->addAction(u"&%1  %2"_s.arg(++n).arg(QFileInfo(file).fileName()));
        action->setToolTip(QDir::toNativeSeparators(file));
        action->setStatusTip(QDir::toNativeSeparators(file));
        QObject::connect(action, &QAction::triggered, menu, [open, file] { open(file); });
    }
    if (files.isEmpty())
        menu->addAction(QObject::tr("No recent workbenches"))->setEnabled(false);
    menu->addSeparator();
    QAction* clear = menu->addAction(QObject::tr("&Clear List"));
    clear->setEnabled(!files.isEmpty());
    QObject::connect(clear, &QAction::triggered, menu,
                     [&settings] { settings.setRecentFiles({}); });
}

} // namespace fwb::app::prompts
