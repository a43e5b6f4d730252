#include "app/review/reviewnotespane.h"

#include "app/panes/safetextbrowser.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fwb::app {

ReviewNotesPane::ReviewNotesPane(QWidget* parent) : QWidget(parent)
{
    m_notes = new QTreeWidget(this);
    m_notes->setObjectName(u"notes"_s);
    m_notes->setAccessibleName(tr("Review notes"));
    m_notes->setHeaderLabels({tr("Status"), tr("On"), tr("Note"), tr("Answer")});
    m_notes->setRootIsDecorated(false);
    m_notes->setAlternatingRowColors(true);
    m_notes->setColumnWidth(0, 80);
    m_notes->setColumnWidth(1, 220);
    m_notes->setColumnWidth(2, 380);
    m_label = new QLabel(this);
    auto* add = new QPushButton(tr("Add &Note…"), this);
    add->setObjectName(u"addNote"_s);
    add->setToolTip(tr("A note on the response in hand's text, or on the document"));
    auto* answer = new QPushButton(tr("A&nswer…"), this);
    answer->setObjectName(u"answerNote"_s);
    auto* resolve = new QPushButton(tr("Re&solve"), this);
    resolve->setObjectName(u"resolveNote"_s);
    connect(add, &QPushButton::clicked, this, &ReviewNotesPane::addRequested);
    connect(answer, &QPushButton::clicked, this, &ReviewNotesPane::answerRequested);
    connect(resolve, &QPushButton::clicked, this, &ReviewNotesPane::resolveRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_label);
    buttons->addStretch();
    buttons->addWidget(add);
    buttons->addWidget(answer);
    buttons->addWidget(resolve);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_notes, 1);
    layout->addLayout(buttons);
}

void ReviewNotesPane::clear()
{
    m_notes->clear();
}

int ReviewNotesPane::setNotes(const QList<ReviewNote>& notes)
{
    m_notes->clear();
    int open = 0;
    for (const ReviewNote& n : notes) {
        auto* item = new QTreeWidgetItem(
            m_notes, {n.status, n.target, n.author + u": "_s + n.body,
                      n.answer.isEmpty() ? QString() : n.answeredBy + u": "_s + n.answer});
        item->setData(0, Qt::UserRole, n.uid);
        item->setToolTip(2, plainToolTip(n.body));
        item->setToolTip(3, plainToolTip(n.answer));
        open += n.status != u"resolved"_s ? 1 : 0;
    }
    m_label->setText(tr("%n open note(s)", nullptr, open));
    return open;
}

QString ReviewNotesPane::selectedNote() const
{
    const QTreeWidgetItem* item = m_notes->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

} // namespace fwb::app
