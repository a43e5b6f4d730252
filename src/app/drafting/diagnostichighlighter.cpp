#include "app/drafting/diagnostichighlighter.h"
#include "app/panes/safetextbrowser.h"

#include <QTextDocument>

namespace fwb::app {

DiagnosticHighlighter::DiagnosticHighlighter(QTextDocument* document, Check check)
    : QSyntaxHighlighter(document), m_check(std::move(check))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(350);
    connect(&m_timer, &QTimer::timeout, this, &DiagnosticHighlighter::recheck);
    connect(document, &QTextDocument::contentsChange, this, [this](int, int removed, int added) {
        if (removed != 0 || added != 0)
            m_timer.start();
    });
}

void DiagnosticHighlighter::recheck()
{
    m_timer.stop();
    QList<checks::Problem> problems =
        m_check ? m_check(document()->toPlainText()) : QList<checks::Problem>{};
    problems.removeIf([](const checks::Problem& p) { return p.start < 0 || p.length <= 0; });
    if (problems.size() == m_problems.size()) {
        bool same = true;
        for (int i = 0; i < problems.size() && same; ++i)
            same = problems[i].start == m_problems[i].start &&
                   problems[i].length == m_problems[i].length &&
                   problems[i].message == m_problems[i].message;
        if (same)
            return;
    }
    m_problems = problems;
    rehighlight(); // layout formats only: the text and its Markdown are untouched
}

std::optional<checks::Problem> DiagnosticHighlighter::problemAt(int position) const
{
    for (const checks::Problem& p : m_problems)
        if (position >= p.start && position < p.start + p.length)
            return p;
    return std::nullopt;
}

void DiagnosticHighlighter::highlightBlock(const QString& text)
{
    const int blockStart = currentBlock().position();
    for (const checks::Problem& p : m_problems) {
        const int from = int(qMax<qsizetype>(p.start, blockStart));
        const int to = int(qMin<qsizetype>(p.start + p.length, blockStart + text.size()));
        if (from >= to)
            continue;
        QTextCharFormat f;
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(p.severity == checks::Severity::Error ? QColor(0xc6, 0x28, 0x28)
                                                                  : QColor(0xd9, 0x8a, 0x00));
        f.setToolTip(plainToolTip(p.message));
        setFormat(from - blockStart, to - from, f);
    }
}

} // namespace fwb::app
