#include "app/review/responseinhandpane.h"

#include "app/drafting/typingdrafts.h"
#include "app/review/responsespane.h"
#include "core/services/review.h"
#include "core/workbench.h"

#include "ui_responseinhandpane.h"

using namespace Qt::StringLiterals;

namespace fwb::app {

ResponseInHandPane::ResponseInHandPane(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ResponseInHandPane>())
{
    m_ui->setupUi(this);
    auto typed = [this] {
        if (!m_loadingForm && !m_formResponse.isEmpty())
            m_draftSaver.edited();
    };
    connect(m_ui->wording, &QPlainTextEdit::textChanged, this, typed);
    connect(m_ui->reason, &QLineEdit::textEdited, this, typed);
    connect(m_ui->accept, &QPushButton::clicked, this,
            [this] { Q_EMIT decideRequested(u"accepted"_s); });
    connect(m_ui->partly, &QPushButton::clicked, this,
            [this] { Q_EMIT decideRequested(u"partly_accepted"_s); });
    connect(m_ui->reject, &QPushButton::clicked, this,
            [this] { Q_EMIT decideRequested(u"rejected"_s); });
}

ResponseInHandPane::~ResponseInHandPane() = default;

QString ResponseInHandPane::wording() const
{
    return m_ui->wording->toPlainText();
}

QString ResponseInHandPane::reason() const
{
    return m_ui->reason->text();
}

QTextBrowser* ResponseInHandPane::proposalView() const
{
    return m_ui->proposal;
}

QPlainTextEdit* ResponseInHandPane::wordingEdit() const
{
    return m_ui->wording;
}

QLineEdit* ResponseInHandPane::reasonEdit() const
{
    return m_ui->reason;
}

QPushButton* ResponseInHandPane::acceptButton() const
{
    return m_ui->accept;
}

QPushButton* ResponseInHandPane::partlyButton() const
{
    return m_ui->partly;
}

QPushButton* ResponseInHandPane::rejectButton() const
{
    return m_ui->reject;
}

void ResponseInHandPane::setWorkbench(Workbench* workbench)
{
    flush();
    m_formResponse.clear();
    m_wb = workbench;
}

void ResponseInHandPane::flush()
{
    m_draftSaver.flush();
}

void ResponseInHandPane::forget(const QString& decidedUid)
{
    if (m_wb)
        TypingDrafts().remove(m_wb->path(), u"decision:"_s + decidedUid);
    m_formResponse.clear();
}

void ResponseInHandPane::keepDraft()
{
    if (m_wb && !m_formResponse.isEmpty())
        TypingDrafts().keep(m_wb->path(), u"decision:"_s + m_formResponse,
                            {m_ui->wording->toPlainText(), m_ui->reason->text()});
}

void ResponseInHandPane::showResponse(const FaResponse* r, const QString& label, bool anyListed)
{
    Ui::ResponseInHandPane& ui = *m_ui;
    const bool open = r && r->decision.isEmpty() && m_wb && !m_wb->isReadOnly();
    for (QWidget* w :
         std::initializer_list<QWidget*>{ui.accept, ui.partly, ui.reject, ui.wording, ui.reason})
        w->setEnabled(open);
    if (!r || !m_wb) {
        ui.responseTitle->setText(anyListed ? tr("Select a response.") : QString());
        ui.proposal->clear();
        flush();
        m_loadingForm = true;
        ui.wording->clear();
        ui.reason->clear();
        m_loadingForm = false;
        m_formResponse.clear();
        return;
    }
    ui.responseTitle->setText(u"<b>%1</b> · %2 · %3 · row %4 of the form"_s
                                  .arg(r->reference.toHtmlEscaped(), label.toHtmlEscaped(),
                                       categoryLabel(r->category).toHtmlEscaped())
                                  .arg(r->formRow));
    QString html = u"<p><b>%1</b><br>%2</p>"_s.arg(tr("Sent"), r->currentText.toHtmlEscaped());
    html += u"<p><b>%1</b><br>%2</p>"_s.arg(
        tr("Proposed, as tracked changes"),
        diff::toHtml(diff::words(r->currentText, r->proposedChange)));
    if (!r->evidenceOffered.isEmpty())
        html += u"<p><b>%1</b><br>%2</p>"_s.arg(tr("Evidence offered"),
                                                r->evidenceOffered.toHtmlEscaped());
    if (!r->decision.isEmpty()) {
        html += u"<p><b>%1</b> by %2, %3<br>%4</p>"_s.arg(
            decisionLabel(r->decision), r->decidedBy.toHtmlEscaped(), r->decidedAt.left(16),
            r->reason.toHtmlEscaped());
        if (r->revision)
            html += u"<p>%1</p>"_s.arg(tr("Applied as revision %1.").arg(r->revision));
    }
    ui.proposal->setHtml(html);
    // The same undecided response shown again (after a reload): the form keeps what is typed,
    // with its caret and undo. Another response: what was typed is kept first, and the form
    // shows the new response's draft, if any, else its proposal.
    if (r->decision.isEmpty() && r->uid == m_formResponse)
        return;
    flush();
    const QStringList draft = r->decision.isEmpty()
                                  ? TypingDrafts().text(m_wb->path(), u"decision:"_s + r->uid)
                                  : QStringList{};
    m_loadingForm = true;
    if (!draft.isEmpty()) {
        ui.wording->setPlainText(draft.value(0));
        ui.reason->setText(draft.value(1));
    } else {
        ui.wording->setPlainText(r->decision.isEmpty() ? r->proposedChange : r->wording);
        ui.reason->setText(r->decision.isEmpty() ? QString() : r->reason);
    }
    m_loadingForm = false;
    m_formResponse = r->decision.isEmpty() ? r->uid : QString();
}

} // namespace fwb::app
