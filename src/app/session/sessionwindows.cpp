#include "app/session/sessionwindows.h"

#include "app/analysis/matrixwindow.h"
#include "app/dialogs/frameworkdialog.h"
#include "app/dialogs/ingestdialog.h"
#include "app/dialogs/referencedialog.h"
#include "app/session/session.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fwb::app {

SessionWindows::SessionWindows(Session& session, const DraftingContext& context, QWidget* window)
    : QObject(window), m_session(session), m_context(context), m_window(window)
{
    setObjectName(u"sessionWindows"_s);
}

FrameworkDialog* SessionWindows::frameworks()
{
    if (!m_session.isOpen())
        return nullptr;
    if (!m_frameworks)
        m_frameworks = new FrameworkDialog(m_context, m_window);
    return m_frameworks;
}

ReferenceDialog* SessionWindows::references()
{
    if (!m_session.isOpen())
        return nullptr;
    if (!m_references)
        m_references = new ReferenceDialog(m_context, m_window);
    return m_references;
}

MatrixWindow* SessionWindows::matrix()
{
    if (!m_session.isOpen())
        return nullptr;
    if (!m_matrix) {
        m_matrix = new MatrixWindow(m_session.workbench(), m_window);
        connect(m_matrix, &MatrixWindow::exportFailed, this, &SessionWindows::failed);
        connect(m_matrix, &MatrixWindow::openRequested, this, &SessionWindows::openRequested);
    }
    return m_matrix;
}

IngestDialog* SessionWindows::ingest(const QString& path, const QString& programme, bool show)
{
    auto plan = m_session.planIngest(path, programme);
    if (!plan)
        return nullptr;
    auto* dialog = new IngestDialog(m_session.workbench(), std::move(*plan),
                                    QFileInfo(path).fileName(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Closed with the workbench it reads into.
    connect(&m_session, &Session::aboutToClose, dialog, &QObject::deleteLater);
    if (show)
        dialog->open();
    return dialog;
}

void SessionWindows::showFrameworks(const QString& programme)
{
    if (FrameworkDialog* d = frameworks()) {
        d->selectProgramme(programme);
        d->show();
        d->raise();
    }
}

void SessionWindows::showReferences()
{
    if (ReferenceDialog* d = references()) {
        d->show();
        d->raise();
    }
}

void SessionWindows::showMatrix(const QString& programme)
{
    if (MatrixWindow* m = matrix()) {
        if (!programme.isEmpty())
            m->setProgramme(programme);
        m->show();
        m->raise();
        m->activateWindow();
    }
}

void SessionWindows::closeAll()
{
    delete m_frameworks;
    m_frameworks = nullptr;
    delete m_references;
    m_references = nullptr;
    delete m_matrix;
    m_matrix = nullptr;
}

} // namespace fwb::app
