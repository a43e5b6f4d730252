#pragma once
// SessionWindows: the windows that belong to the open workbench — the editor of programmes and
// frameworks, the editor of forces and people, the judgment matrix, and a published report being
// read in. Each is made when first asked for and closed with the workbench it was made for.

#include "app/drafting/draftingcontext.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace fwb::app {

class FrameworkDialog;
class IngestDialog;
class MatrixWindow;
class ReferenceDialog;
class Session;

class SessionWindows : public QObject {
    Q_OBJECT
public:
    // `context` is the drafting workspace's (the editors run their commands on its stack).
    SessionWindows(Session& session, const DraftingContext& context, QWidget* window);

    // Each is nullptr while no workbench is open.
    FrameworkDialog* frameworks();
    ReferenceDialog* references();
    MatrixWindow* matrix();
    // Reads a published report and shows what it found (nullptr, after the session said why,
    // when it cannot be read); the dialog writes only when asked. `show`: open it at once.
    IngestDialog* ingest(const QString& path, const QString& programme, bool show);
    // Brings them up (nothing while no workbench is open); the matrix and the frameworks on
    // the programme given, where one is.
    void showFrameworks(const QString& programme);
    void showReferences();
    void showMatrix(const QString& programme);
    // Closes them all (the workbench they were made for is closing).
    void closeAll();

Q_SIGNALS:
    // The matrix asks to open a force (and question) in the window.
    void openRequested(const QString& programme, const QString& force, const QString& question);
    void failed(const QString& title, const QString& message);

private:
    Session& m_session;
    const DraftingContext& m_context;
    QWidget* m_window;
    FrameworkDialog* m_frameworks = nullptr;
    ReferenceDialog* m_references = nullptr;
    MatrixWindow* m_matrix = nullptr;
};

} // namespace fwb::app
