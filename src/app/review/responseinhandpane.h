#pragma once
// ResponseInHandPane: the response being decided — the text sent, the change proposed shown as
// tracked changes, the evidence offered, the wording to apply (editable) and the reason, with
// Accept, Partly accept and Reject. The wording and reason typed before a decision are kept as a
// draft while they are typed (TypingDrafts), offered again when the response is shown, and
// removed once it is decided. The layout is ui/responseinhandpane.ui.

#include "app/drafting/savescheduler.h"
#include "core/domain/types.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace Ui {
class ResponseInHandPane;
}

namespace fwb {
class Workbench;
}

namespace fwb::app {

class ResponseInHandPane : public QWidget {
    Q_OBJECT
public:
    explicit ResponseInHandPane(QWidget* parent = nullptr);
    ~ResponseInHandPane() override;

    void setWorkbench(Workbench* workbench);
    // Shows a response (`label`: what its reference stands for) or none; `anyListed` says whether
    // there are responses to choose from. The same undecided response shown again keeps what is
    // typed, with its caret and undo.
    void showResponse(const FaResponse* response, const QString& label, bool anyListed);
    // Keeps what is typed as the response's draft at once.
    void flush();
    // The response in hand was decided: its draft is gone and the form is free.
    void forget(const QString& decidedUid);

    QString wording() const;
    QString reason() const;
    QTextBrowser* proposalView() const;
    QPlainTextEdit* wordingEdit() const;
    QLineEdit* reasonEdit() const;
    QPushButton* acceptButton() const;
    QPushButton* partlyButton() const;
    QPushButton* rejectButton() const;

Q_SIGNALS:
    void decideRequested(const QString& decision);

private:
    void keepDraft();

    std::unique_ptr<Ui::ResponseInHandPane> m_ui;
    QPointer<Workbench> m_wb;
    QString m_formResponse; // the undecided response whose wording and reason the form holds
    bool m_loadingForm = false;
    SaveScheduler m_draftSaver{[this] { keepDraft(); }};
};

} // namespace fwb::app
