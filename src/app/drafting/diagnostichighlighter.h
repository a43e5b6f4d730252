#pragma once
// DiagnosticHighlighter: underlines, in an editor, the words the consistency checker has a
// problem with — red for errors, amber for warnings — and tells the problem at a position (for
// the tooltip). The text is checked after typing rests, over a context loaded when the place
// changes, so typing never waits.

#include "core/checks/checker.h"

#include <QSyntaxHighlighter>
#include <QTimer>
#include <functional>

namespace fwb::app {

class DiagnosticHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    // `check` returns the problems of the document's plain text.
    using Check = std::function<QList<checks::Problem>(const QString& plainText)>;
    DiagnosticHighlighter(QTextDocument* document, Check check);

    // Runs the check now (typing runs it after a pause).
    void recheck();
    const QList<checks::Problem>& problems() const { return m_problems; }
    // The problem covering a position in the document, if any.
    std::optional<checks::Problem> problemAt(int position) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    Check m_check;
    QList<checks::Problem> m_problems;
    QTimer m_timer;
};

} // namespace fwb::app
