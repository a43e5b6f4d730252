#pragma once
// MarkdownEdit: a rich text editor whose text is stored as Markdown — paragraphs, bold, italic,
// bullet and numbered lists, links — with a formatting toolbar, live word and character counts,
// and `edited` when (and only when) the person changes the text.
//
// The Markdown is written by our own small writer rather than QTextDocument::toMarkdown, which
// wraps lines at 80 columns and escapes footnote references: a stored finding changes only where
// the person changed it, so revisions and diffs show real edits.

#include <QTextEdit>
#include <QWidget>
#include <functional>

class QLabel;
class QToolBar;
class QAction;

namespace fwb::app {

class MarkdownEdit : public QWidget {
    Q_OBJECT
public:
    explicit MarkdownEdit(QWidget* parent = nullptr);

    // Replaces the text without announcing an edit; the editor's own undo history starts afresh.
    void setMarkdown(const QString& markdown);
    QString markdown() const;
    QTextEdit* textEdit() const { return m_edit; }
    QToolBar* toolBar() const { return m_toolBar; }
    void setReadOnly(bool on);
    void setPlaceholderText(const QString& text);
    int wordCount() const;
    int characterCount() const;

    // What to show as a tooltip over a position of the document (empty: nothing).
    void setToolTipProvider(std::function<QString(int position)> provider)
    {
        m_toolTip = std::move(provider);
    }

    // The document as Markdown, and Markdown as plain text for counting.
    static QString toMarkdown(const QTextDocument& document);

Q_SIGNALS:
    void edited();          // the person changed the text
    void editingFinished(); // focus left the editor

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void toggleBold();
    void toggleItalic();
    void toggleList(bool numbered);
    void insertLink();
    void updateCounts();
    void updateActions();

    QTextEdit* m_edit;
    QToolBar* m_toolBar;
    QLabel* m_counts;
    QAction* m_bold = nullptr;
    QAction* m_italic = nullptr;
    QAction* m_bullets = nullptr;
    QAction* m_numbers = nullptr;
    QAction* m_link = nullptr;
    bool m_loading = false;
    std::function<QString(int)> m_toolTip;
    QString m_lastMarkdown; // edited() only when this changes (not for underlining, say)
};

} // namespace fwb::app
