#include "app/documents/documentoutlinepane.h"

#include "core/services/documents.h"
#include "documents/markdown.h"

#include <QHeaderView>
#include <QMenu>
#include <QSet>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <functional>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

constexpr int kUidRole = Qt::UserRole + 1;

// A short name for what a section shows, for the outline's narrow second column.
QString shortKind(const QString& kind)
{
    static const QHash<QString, QString> names{
        {u"narrative"_s, u"Text"_s},
        {u"judgment"_s, u"Judgment"_s},
        {u"overview"_s, u"Summary"_s},
        {u"findings"_s, u"Findings"_s},
        {u"areas_for_improvement"_s, u"AFIs"_s},
        {u"metrics_table"_s, u"Table"_s},
        {u"chart"_s, u"Chart"_s},
        {u"grade_definitions"_s, u"Grades"_s},
        {u"contents"_s, u"Contents"_s},
        {u"letter_opening"_s, u"Opening"_s},
        {u"letter_closing"_s, u"Closing"_s},
    };
    return names.value(kind, kind);
}

QString shows(const Section& s)
{
    QString out = shortKind(s.kind);
    if (!s.questionCode.isEmpty())
        out += QLatin1Char(' ') + s.questionCode;
    if (!s.figure.isEmpty())
        out += u" · "_s + QString(s.figure).remove(u"Figure "_s).prepend(u"Fig. "_s);
    return out;
}

} // namespace

QString sectionLabel(const Section& s)
{
    if (!s.title.isEmpty())
        return s.title;
    if (!s.body.trimmed().isEmpty())
        return u"“%1…”"_s.arg(documents::toPlainText(s.body).simplified().left(48));
    return sectionKindLabel(s.kind);
}

DocumentOutlinePane::DocumentOutlinePane(QWidget* parent) : QWidget(parent)
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"outline"_s);
    m_tree->setAccessibleName(tr("Outline"));
    m_tree->setHeaderLabels({tr("Section"), tr("Shows")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        if (!m_filling)
            Q_EMIT currentSectionChanged();
    });

    auto* bar = new QToolBar(this);
    bar->setObjectName(u"outlineBar"_s);
    bar->setIconSize(QSize(16, 16));
    m_add = new QToolButton(this);
    m_add->setObjectName(u"addSection"_s);
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add a section after the selected one"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    auto* addMenu = new QMenu(m_add);
    for (const QString& kind : sectionKinds()) {
        if (kind == u"letter_opening"_s || kind == u"letter_closing"_s)
            continue;
        addMenu->addAction(sectionKindLabel(kind), this,
                           [this, kind] { Q_EMIT addRequested(kind); });
    }
    m_add->setMenu(addMenu);
    bar->addWidget(m_add);
    m_remove = bar->addAction(tr("Remove"), this, [this] { Q_EMIT removeRequested(); });
    m_up = bar->addAction(u"↑"_s, this, [this] { Q_EMIT moveRequested(-1); });
    m_up->setToolTip(tr("Move up (Alt+Up)"));
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = bar->addAction(u"↓"_s, this, [this] { Q_EMIT moveRequested(1); });
    m_down->setToolTip(tr("Move down (Alt+Down)"));
    m_down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_indent = bar->addAction(u"→"_s, this, [this] { Q_EMIT indentRequested(true); });
    m_indent->setToolTip(tr("Put under the section above (Alt+Right)"));
    m_indent->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_outdent = bar->addAction(u"←"_s, this, [this] { Q_EMIT indentRequested(false); });
    m_outdent->setToolTip(tr("Move out one level (Alt+Left)"));
    m_outdent->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    // The moves answer their keys wherever the focus is in the outline pane.
    for (QAction* a : {m_up, m_down, m_indent, m_outdent}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    bar->addSeparator();
    m_note = bar->addAction(tr("Note…"), this, [this] { Q_EMIT noteRequested(); });
    m_note->setToolTip(tr("Attach a review note to the selected section; notes are answered and "
                          "resolved in the Review tab"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(bar);
}

QString DocumentOutlinePane::currentSection() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(0, kUidRole).toString() : QString();
}

bool DocumentOutlinePane::selectSection(const QString& uid)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, kUidRole).toString() == uid) {
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it);
            return true;
        }
    return false;
}

void DocumentOutlinePane::setDocument(const Document* document, const QString& keep)
{
    const QString selected = keep.isEmpty() ? currentSection() : keep;
    QSet<QString> collapsed;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->childCount() && !(*it)->isExpanded())
            collapsed.insert((*it)->data(0, kUidRole).toString());
    m_filling = true;
    m_tree->clear();
    QTreeWidgetItem* current = nullptr;
    if (document) {
        std::function<void(QTreeWidgetItem*, const QList<Section>&)> add =
            [&](QTreeWidgetItem* parent, const QList<Section>& list) {
                for (const Section& s : list) {
                    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
                    item->setText(0, sectionLabel(s));
                    item->setText(1, shows(s));
                    item->setData(0, kUidRole, s.uid);
                    item->setToolTip(0, sectionLabel(s));
                    item->setToolTip(1, sectionKindLabel(s.kind));
                    item->setForeground(1, isBoundKind(s.kind) ? QColor(0x1d, 0x3a, 0x6b)
                                                               : QColor(0x6b, 0x75, 0x80));
                    if (s.uid == selected)
                        current = item;
                    add(item, s.children);
                    item->setExpanded(!collapsed.contains(s.uid));
                }
            };
        add(nullptr, document->sections);
    }
    if (!current && m_tree->topLevelItemCount())
        current = m_tree->topLevelItem(0);
    m_tree->setCurrentItem(current);
    m_filling = false;
}

int DocumentOutlinePane::siblingCount() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return 0;
    return item->parent() ? item->parent()->childCount() : m_tree->topLevelItemCount();
}

QString DocumentOutlinePane::sectionAbove() const
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return {};
    QTreeWidgetItem* parent = item->parent();
    const int index = parent ? parent->indexOfChild(item) : m_tree->indexOfTopLevelItem(item);
    if (index < 1)
        return {};
    const QTreeWidgetItem* above =
        parent ? parent->child(index - 1) : m_tree->topLevelItem(index - 1);
    return above->data(0, kUidRole).toString();
}

QString DocumentOutlinePane::successor() const
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return {};
    QTreeWidgetItem* parent = item->parent();
    const int index = parent ? parent->indexOfChild(item) : m_tree->indexOfTopLevelItem(item);
    const int count = parent ? parent->childCount() : m_tree->topLevelItemCount();
    const QTreeWidgetItem* next = nullptr;
    if (index + 1 < count)
        next = parent ? parent->child(index + 1) : m_tree->topLevelItem(index + 1);
    else
        next = m_tree->itemAbove(item); // the sibling above, or the parent
    return next ? next->data(0, kUidRole).toString() : QString();
}

void DocumentOutlinePane::setActions(bool canAdd, bool canRemove, bool canUp, bool canDown,
                                     bool canIndent, bool canOutdent, bool canNote)
{
    m_add->setEnabled(canAdd);
    m_remove->setEnabled(canRemove);
    m_up->setEnabled(canUp);
    m_down->setEnabled(canDown);
    m_indent->setEnabled(canIndent);
    m_outdent->setEnabled(canOutdent);
    m_note->setEnabled(canNote);
}

} // namespace fwb::app
