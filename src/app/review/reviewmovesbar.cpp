#include "app/review/reviewmovesbar.h"

#include "app/panes/safetextbrowser.h"
#include "core/services/review.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

// The colour of a status badge: drafting grey, out with the force amber, settled green.
QString statusColour(const QString& s)
{
    if (s == u"draft"_s || s == u"ready"_s)
        return u"#5f6b76"_s;
    if (s == u"sent"_s || s == u"responded"_s)
        return u"#9a6700"_s;
    if (s == u"amended"_s)
        return u"#0b5cad"_s;
    return u"#1e6b34"_s;
}

} // namespace

ReviewMovesBar::ReviewMovesBar(QWidget* parent) : QWidget(parent)
{
    m_document = new QComboBox(this);
    m_document->setObjectName(u"reviewDocument"_s);
    m_document->setAccessibleName(tr("Document"));
    m_document->setMinimumContentsLength(28);
    m_document->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_document, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            Q_EMIT documentChosen();
    });
    m_status = new QLabel(this);
    m_status->setObjectName(u"reviewStatus"_s);
    m_status->setTextFormat(Qt::RichText);
    m_moves = new QHBoxLayout;
    m_moves->setSpacing(6);
    m_import = new QPushButton(tr("&Import Responses…"), this);
    m_import->setObjectName(u"importResponses"_s);
    m_import->setToolTip(tr("Read the force's completed response form (CSV)"));
    connect(m_import, &QPushButton::clicked, this, &ReviewMovesBar::importRequested);
    m_repack = new QPushButton(tr("Write the &Pack Again…"), this);
    m_repack->setObjectName(u"writePackAgain"_s);
    m_repack->setToolTip(
        tr("Write the pack sent to the force again (while nothing has changed since it was sent)"));
    connect(m_repack, &QPushButton::clicked, this, &ReviewMovesBar::repackRequested);
    m_record = new QPushButton(tr("Closing &Record…"), this);
    m_record->setObjectName(u"exportRecord"_s);
    m_record->setToolTip(
        tr("Every response of the round, its decision, reason and revision, as PDF or CSV"));
    connect(m_record, &QPushButton::clicked, this, &ReviewMovesBar::recordRequested);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("Document:"), this);
    label->setBuddy(m_document);
    layout->addWidget(label);
    layout->addWidget(m_document, 1);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addLayout(m_moves);
    layout->addWidget(m_import);
    layout->addWidget(m_repack);
    layout->addWidget(m_record);
}

QString ReviewMovesBar::currentDocument() const
{
    return m_document->currentData().toString();
}

void ReviewMovesBar::setDocuments(const QList<QPair<QString, QString>>& documents,
                                  const QString& keep)
{
    m_filling = true;
    m_document->clear();
    for (const auto& [uid, label] : documents)
        m_document->addItem(label, uid);
    if (const int i = m_document->findData(keep); i >= 0)
        m_document->setCurrentIndex(i);
    m_filling = false;
}

void ReviewMovesBar::clearMoves()
{
    // Later, not now: this may run inside one of these buttons' clicked signal (an error box
    // shown from its handler runs the event loop).
    for (QPushButton* b : std::as_const(m_moveButtons)) {
        m_moves->removeWidget(b);
        b->hide();
        b->deleteLater();
    }
    m_moveButtons.clear();
}

void ReviewMovesBar::showDocument(const std::optional<Document>& document,
                                  const ReviewService* review, bool writable,
                                  const std::optional<ReviewRound>& round)
{
    clearMoves();
    if (!document || !review) {
        m_status->clear();
        m_import->setEnabled(false);
        m_repack->setEnabled(false);
        m_record->setEnabled(false);
        return;
    }
    const Document& d = *document;
    m_status->setText(
        u"<span style=\"background-color:%1; color:white; padding:3px\">&nbsp;%2&nbsp;</span>"_s
            .arg(statusColour(d.status), fwb::statusLabel(d.status).toHtmlEscaped()));
    // The moves open from here, as buttons named for what they do.
    for (const QString& to : nextStatuses(d.status)) {
        auto* b = new QPushButton(
            transitionLabel(d.status, to) +
                (to == u"sent"_s || transitionNeedsReason(d.status, to) ? u"…"_s : QString()),
            this);
        b->setObjectName(u"move-"_s + to);
        b->setEnabled(writable);
        // A move the review would refuse is shown, disabled, with the reason as its tooltip.
        if (const Status why = review->check(u"document:"_s + d.uid, to); !why && to != u"sent"_s) {
            b->setToolTip(plainToolTip(why.error().message));
            b->setEnabled(false);
        } else {
            b->setToolTip(tr("Move the document to “%1”").arg(fwb::statusLabel(to)));
        }
        connect(b, &QPushButton::clicked, this, [this, to] { Q_EMIT moveRequested(to); });
        m_moves->addWidget(b);
        m_moveButtons << b;
    }
    m_import->setEnabled(writable && round && round->isOpen() &&
                         (d.status == u"sent"_s || d.status == u"responded"_s));
    m_record->setEnabled(round.has_value());
    m_repack->setEnabled(round && round->isOpen() && d.status == u"sent"_s);
}

} // namespace fwb::app
