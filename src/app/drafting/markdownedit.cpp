#include "app/drafting/markdownedit.h"
#include "documents/markdown.h"

#include <QAction>
#include <QEvent>
#include <QHelpEvent>
#include <QInputDialog>
#include <QLabel>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextList>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>

namespace fwb::app {
namespace {

// Escapes the characters that would otherwise start Markdown formatting; footnote references
// ("[^fn3]") are kept as they are.
QString escape(const QString& text)
{
    static const QRegularExpression footnote(QStringLiteral("\\[\\^[^\\]\\s]+\\]"));
    QString out;
    out.reserve(text.size());
    int from = 0;
    auto plain = [&](QStringView s) {
        for (const QChar c : s) {
            if (c == QLatin1Char('*') || c == QLatin1Char('_') || c == QLatin1Char('`') ||
                c == QLatin1Char('[') || c == QLatin1Char(']') || c == QLatin1Char('\\') ||
                c == QLatin1Char('<'))
                out += QLatin1Char('\\');
            out += c == QChar::Nbsp ? QLatin1Char(' ') : c;
        }
    };
    for (auto it = footnote.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        plain(QStringView(text).mid(from, m.capturedStart() - from));
        out += m.captured(0);
        from = int(m.capturedEnd());
    }
    plain(QStringView(text).mid(from));
    return out;
}

QString inlineMarkdown(const QTextBlock& block)
{
    QString out;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        const QTextCharFormat f = fragment.charFormat();
        QString text = fragment.text();
        text.remove(QChar::ObjectReplacementCharacter);
        if (text.trimmed().isEmpty()) {
            out += text;
            continue;
        }
        // Emphasis markers must hug the words: leading and trailing spaces stay outside them.
        static const QRegularExpression nonSpace(QStringLiteral("\\S"));
        const qsizetype first = text.indexOf(nonSpace);
        const qsizetype last = text.lastIndexOf(nonSpace);
        const QString before = text.left(first);
        const QString core = text.mid(first, last - first + 1);
        const QString after = text.mid(last + 1);
        QString body = escape(core);
        const bool bold = f.fontWeight() >= QFont::DemiBold;
        const bool italic = f.fontItalic();
        if (italic)
            body = QLatin1Char('*') + body + QLatin1Char('*');
        if (bold)
            body = QStringLiteral("**") + body + QStringLiteral("**");
        if (f.isAnchor() && !f.anchorHref().isEmpty())
            body =
                QLatin1Char('[') + body + QStringLiteral("](") + f.anchorHref() + QLatin1Char(')');
        out += before + body + after;
    }
    return out;
}

} // namespace

MarkdownEdit::MarkdownEdit(QWidget* parent)
    : QWidget(parent), m_edit(new QTextEdit(this)), m_toolBar(new QToolBar(this)),
      m_counts(new QLabel(this))
{
    m_edit->setAcceptRichText(false); // pasted text arrives as plain text, formatted by the toolbar
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    m_edit->viewport()->installEventFilter(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto action = [&](const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        QAction* a = m_toolBar->addAction(text);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(tip + QStringLiteral(" (") + key.toString(QKeySequence::NativeText) +
                      QLatin1Char(')'));
        a->setCheckable(true);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_bold = action(tr("B"), QKeySequence::Bold, tr("Bold"), &MarkdownEdit::toggleBold);
    QFont bold = m_bold->font();
    bold.setBold(true);
    m_bold->setFont(bold);
    m_italic = action(tr("I"), QKeySequence::Italic, tr("Italic"), &MarkdownEdit::toggleItalic);
    QFont italic = m_italic->font();
    italic.setItalic(true);
    m_italic->setFont(italic);
    m_bullets = action(tr("• List"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8),
                       tr("Bulleted list"), [this] { toggleList(false); });
    m_numbers = action(tr("1. List"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7),
                       tr("Numbered list"), [this] { toggleList(true); });
    m_link = action(tr("Link…"), QKeySequence(Qt::CTRL | Qt::Key_K), tr("Link"),
                    &MarkdownEdit::insertLink);
    m_link->setCheckable(false);

    m_counts->setAccessibleName(tr("Word and character count"));
    m_counts->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_counts, 0, Qt::AlignRight);

    connect(m_edit->document(), &QTextDocument::contentsChanged, this, [this] {
        if (m_loading)
            return;
        const QString now = markdown();
        if (now == m_lastMarkdown)
            return; // layout only (highlighting), not an edit
        m_lastMarkdown = now;
        updateCounts();
        Q_EMIT edited();
    });
    connect(m_edit, &QTextEdit::currentCharFormatChanged, this, &MarkdownEdit::updateActions);
    connect(m_edit, &QTextEdit::cursorPositionChanged, this, &MarkdownEdit::updateActions);
    updateCounts();
}

void MarkdownEdit::setMarkdown(const QString& markdown)
{
    m_loading = true;
    m_edit->document()->setMarkdown(markdown, documents::markdownFeatures()); // raw HTML is text
    m_edit->document()->clearUndoRedoStacks();
    m_edit->document()->setModified(false);
    m_lastMarkdown = this->markdown();
    m_loading = false;
    updateCounts();
}

QString MarkdownEdit::markdown() const
{
    return toMarkdown(*m_edit->document());
}

QString MarkdownEdit::toMarkdown(const QTextDocument& document)
{
    QStringList blocks;
    QString pending;
    const QTextList* previousList = nullptr;
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        const QString line = inlineMarkdown(b);
        if (QTextList* list = b.textList()) {
            const bool numbered = list->format().style() == QTextListFormat::ListDecimal;
            const QString marker =
                numbered ? QString::number(list->itemNumber(b) + 1) + QStringLiteral(". ")
                         : QStringLiteral("- ");
            const QString indent(
                QStringLiteral("  ").repeated(qMax(0, list->format().indent() - 1)));
            if (list != previousList && !pending.isEmpty()) {
                blocks << pending;
                pending.clear();
            }
            pending +=
                (pending.isEmpty() ? QString() : QStringLiteral("\n")) + indent + marker + line;
            previousList = list;
            continue;
        }
        if (!pending.isEmpty()) {
            blocks << pending;
            pending.clear();
        }
        previousList = nullptr;
        if (!line.trimmed().isEmpty())
            blocks << line.trimmed();
    }
    if (!pending.isEmpty())
        blocks << pending;
    return blocks.join(QStringLiteral("\n\n"));
}

void MarkdownEdit::setReadOnly(bool on)
{
    m_edit->setReadOnly(on);
    m_toolBar->setEnabled(!on);
}

void MarkdownEdit::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

int MarkdownEdit::wordCount() const
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*"));
    int n = 0;
    for (auto it = word.globalMatch(m_edit->document()->toPlainText()); it.hasNext(); it.next())
        ++n;
    return n;
}

int MarkdownEdit::characterCount() const
{
    QString text = m_edit->document()->toPlainText();
    text.remove(QChar::ObjectReplacementCharacter);
    return int(text.size());
}

void MarkdownEdit::updateCounts()
{
    const int words = wordCount(), chars = characterCount();
    m_counts->setText((words == 1 ? tr("1 word") : tr("%1 words").arg(words)) +
                      QStringLiteral("  ·  ") +
                      (chars == 1 ? tr("1 character") : tr("%1 characters").arg(chars)));
}

void MarkdownEdit::updateActions()
{
    const QTextCharFormat f = m_edit->currentCharFormat();
    m_bold->setChecked(f.fontWeight() >= QFont::DemiBold);
    m_italic->setChecked(f.fontItalic());
    const QTextList* list = m_edit->textCursor().currentList();
    m_bullets->setChecked(list && list->format().style() != QTextListFormat::ListDecimal);
    m_numbers->setChecked(list && list->format().style() == QTextListFormat::ListDecimal);
}

void MarkdownEdit::toggleBold()
{
    QTextCharFormat f;
    f.setFontWeight(m_bold->isChecked() ? QFont::Bold : QFont::Normal);
    m_edit->mergeCurrentCharFormat(f);
    m_edit->setFocus();
}

void MarkdownEdit::toggleItalic()
{
    QTextCharFormat f;
    f.setFontItalic(m_italic->isChecked());
    m_edit->mergeCurrentCharFormat(f);
    m_edit->setFocus();
}

void MarkdownEdit::toggleList(bool numbered)
{
    QTextCursor c = m_edit->textCursor();
    c.beginEditBlock();
    if (QTextList* list = c.currentList()) {
        const bool same = (list->format().style() == QTextListFormat::ListDecimal) == numbered;
        // Take the block out of the list; switching style replaces the list's format.
        if (same) {
            list->remove(c.block());
            QTextBlockFormat bf = c.blockFormat();
            bf.setIndent(0);
            c.setBlockFormat(bf);
        } else {
            QTextListFormat lf = list->format();
            lf.setStyle(numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc);
            list->setFormat(lf);
        }
    } else {
        QTextListFormat lf;
        lf.setStyle(numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc);
        c.createList(lf);
    }
    c.endEditBlock();
    updateActions();
    m_edit->setFocus();
}

void MarkdownEdit::insertLink()
{
    QTextCursor c = m_edit->textCursor();
    const QString current = c.charFormat().anchorHref();
    bool ok = false;
    const QString url =
        QInputDialog::getText(this, tr("Link"), tr("Address (https://…, mailto:…):"),
                              QLineEdit::Normal, current, &ok)
            .trimmed();
    if (!ok)
        return;
    if (c.hasSelection() || !url.isEmpty()) {
        QTextCharFormat f;
        f.setAnchor(!url.isEmpty());
        f.setAnchorHref(url);
        f.setFontUnderline(!url.isEmpty());
        f.setForeground(url.isEmpty() ? palette().text() : palette().link());
        if (!c.hasSelection())
            c.insertText(url, f);
        else
            c.mergeCharFormat(f);
    }
    m_edit->setFocus();
}

bool MarkdownEdit::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::FocusOut)
        Q_EMIT editingFinished();
    if (watched == m_edit->viewport() && event->type() == QEvent::ToolTip && m_toolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = m_toolTip(m_edit->cursorForPosition(help->pos()).position());
        if (!tip.isEmpty()) {
            QToolTip::showText(help->globalPos(), tip, m_edit->viewport());
            return true;
        }
        QToolTip::hideText();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fwb::app
