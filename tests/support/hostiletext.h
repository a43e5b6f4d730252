#pragma once
// Hostile text for the tests of what documents and the window show: strings that try to run a
// script, follow a link that is not a web or mail link, load a file, hide or reorder text, put
// into every text a document carries. Each hostile string stands between two marker words; the
// markers must come out of every exporter and view, so nothing around a hostile string is lost.

#include "core/services/documents.h"
#include "core/services/drafting.h"
#include "core/services/frameworks.h"
#include "core/workbench.h"

#include <QRegularExpression>
#include <QStringList>

namespace fwb::hostile {

inline QStringList strings()
{
    return {
        QStringLiteral("<script>alert(1)</script>"),
        QStringLiteral("</title><script>alert(1)</script><title>"),
        QStringLiteral("\"><script>alert(1)</script>"),
        QStringLiteral("<img src=x onerror=alert(1)>"),
        QStringLiteral("<img src=file:///etc/passwd>"),
        QStringLiteral("<svg onload=alert(1)>"),
        QStringLiteral("<div onmouseover=\"alert(1)\">hover</div>"),
        QStringLiteral("<a href=javascript:alert(1)>raw link</a>"),
        QStringLiteral("<a href=\"javascript&colon;alert(1)\">raw link</a>"),
        QStringLiteral("<iframe src=\"https://evil.example/\"></iframe>"),
        QStringLiteral("<style>body { display: none }</style>"),
        QStringLiteral("<!-- hidden comment -->"),
        QStringLiteral("[link](javascript:alert(1))"),
        QStringLiteral("[link](JaVaScRiPt:alert(1))"),
        QStringLiteral("[link](   javascript:alert(1))"),
        QStringLiteral("[link](jav&#x61;script:alert(1))"),
        QStringLiteral("[link](jav&#97;script:alert(1))"),
        QStringLiteral("[link](java&Tab;script:alert(1))"),
        QStringLiteral("[link](%6Aavascript:alert(1))"),
        QStringLiteral("[link](<javascript:alert(1)>)"),
        QStringLiteral("[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        QStringLiteral("[link](DATA:text/html,<script>alert(1)</script>)"),
        QStringLiteral("[link](file:///etc/passwd)"),
        QStringLiteral("[link](FILE://server/share/run.exe)"),
        QStringLiteral("[link](vbscript:msgbox(1))"),
        QStringLiteral("[link](VbScRiPt:msgbox(1))"),
        QStringLiteral("<javascript:alert(1)>"),
        QStringLiteral("[ref link][bad]\n\n[bad]: javascript:alert(1)\n\nmore"),
        QStringLiteral("![picture words](file:///etc/passwd)"),
        QStringLiteral("![picture words](https://evil.example/pixel.png)"),
        QStringLiteral("[link]({{force}}) and [{{force}}](javascript:alert(1))"),
        QStringLiteral("]]> and <![CDATA[ x ]]>"),
        QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;"),
        QStringLiteral("# not a heading <b>bold</b>"),
        QStringLiteral("NUL\u0000here and \u0001\u0008\u000b\u000c\u001b\u007f\u0085 controls"),
        QStringLiteral("\u202egnp.exe\u202c and \u2066isolate\u2069"),
    };
}

// "h3w12a <hostile> h3w12z": the marker words around hostile string `i` in field `field`.
inline QString before(int field, int i)
{
    return QStringLiteral("h%1w%2a").arg(field).arg(i);
}
inline QString after(int field, int i)
{
    return QStringLiteral("h%1w%2z").arg(field).arg(i);
}

// Every hostile string between its markers, one after another. `oneLine` keeps them on one line
// (for titles and names); otherwise each is a paragraph of its own.
inline QString text(int field, bool oneLine)
{
    const QStringList all = strings();
    QStringList parts;
    for (int i = 0; i < all.size(); ++i) {
        QString s = all[i];
        if (oneLine)
            s.replace(QLatin1Char('\n'), QLatin1Char(' '));
        parts << before(field, i) + QLatin1Char(' ') + s + QLatin1Char(' ') + after(field, i);
    }
    return parts.join(oneLine ? QStringLiteral(" ") : QStringLiteral("\n\n"));
}

// The markers of a field.
inline QStringList markers(int field)
{
    QStringList out;
    for (int i = 0; i < strings().size(); ++i)
        out << before(field, i) << after(field, i);
    return out;
}

// A safe link that must stay a link.
inline QString safeLinkText()
{
    return QStringLiteral("[safe words](https://example.org/a?b=1&c=2)");
}

enum Field {
    Title = 1,
    Subtitle,
    SenderName,
    SenderPost,
    RecipientName,
    RecipientPost,
    SectionTitle,
    SectionBody,
    FindingText,
    JudgmentSummary,
    FigureCaption,
    MetricName,
    MetricMeasure,
    EvidenceLabel,
    LongLine
};

struct Made {
    QString report, letter;
    QString programme = QStringLiteral("peel-effectiveness-2015");
    QString force = QStringLiteral("kent");
    QString question = QStringLiteral("Q1");
    QString figure;
};

// The fields every document here carries, for the checks.
inline QList<int> documentFields()
{
    return {Title,           SectionTitle,  SectionBody, FindingText,
            JudgmentSummary, FigureCaption, MetricName,  MetricMeasure};
}

// A long line: one paragraph of 4,000 words and one word of 3,000 letters.
inline QString longLine()
{
    return QStringLiteral("h%1w0a ").arg(LongLine) + QStringLiteral("long ").repeated(4000) +
           QString(3000, QLatin1Char('x')) + QStringLiteral(" h%1w0z").arg(LongLine);
}

// Kent's 2015 report and a letter, with hostile text in every text they carry.
inline Made make(Workbench& wb)
{
    Made m;
    DocumentService docs(wb);
    FrameworkService frameworks(wb);
    Person sender;
    sender.code = QStringLiteral("hostile-sender");
    sender.name = text(SenderName, true);
    sender.post = text(SenderPost, true);
    Person recipient;
    recipient.code = QStringLiteral("hostile-recipient");
    recipient.name = text(RecipientName, true);
    recipient.post = text(RecipientPost, true);
    recipient.forceCode = m.force;
    if (!frameworks.savePerson(sender) || !frameworks.savePerson(recipient))
        throw std::runtime_error("the people could not be saved");

    DraftingService drafting(wb);
    Finding f;
    f.programmeCode = m.programme;
    f.forceCode = m.force;
    f.questionCode = QStringLiteral("Q1.1");
    f.kind = QStringLiteral("strength");
    f.text = text(FindingText, false) + QStringLiteral("\n\n") + safeLinkText() +
             QStringLiteral("\n\n") + longLine();
    if (!drafting.addFinding(f))
        throw std::runtime_error("the finding could not be saved");
    Judgment j;
    j.programmeCode = m.programme;
    j.forceCode = m.force;
    j.questionCode = m.question;
    j.gradeCode = QStringLiteral("good");
    j.summary = text(JudgmentSummary, false);
    if (auto done = drafting.setJudgment(j); !done)
        throw std::runtime_error(done.error().message.toStdString());
    m.figure = QStringLiteral("Figure ") + text(FigureCaption, true).left(40);
    for (int i = 0; i < 3; ++i) {
        Metric metric;
        metric.programmeCode = m.programme;
        metric.forceCode = m.force;
        metric.questionCode = m.question;
        metric.figure = m.figure;
        metric.name = i == 0 ? text(MetricName, true)
                             : QStringLiteral("<script>alert(%1)</script> row").arg(i);
        metric.measure = text(MetricMeasure, true);
        metric.period = QStringLiteral("12 months to 31 March 2015");
        metric.unit = QStringLiteral("%");
        metric.forceValue = 10 + i;
        metric.nationalValue = 12 + i;
        if (auto done = drafting.saveMetric(metric); !done)
            throw std::runtime_error(done.error().message.toStdString());
    }
    EvidenceSample e;
    e.programmeCode = m.programme;
    e.forceCode = m.force;
    e.questionCode = QStringLiteral("Q1.1");
    e.label = text(EvidenceLabel, true);
    e.method = QStringLiteral("file_review");
    e.description = text(EvidenceLabel, true);
    if (auto done = drafting.saveEvidence(e); !done)
        throw std::runtime_error(done.error().message.toStdString());

    for (const QString& kind : {QStringLiteral("report"), QStringLiteral("letter")}) {
        auto d = docs.create(m.programme, m.force, kind);
        if (!d)
            throw std::runtime_error(d.error().message.toStdString());
        Document p = *d;
        p.title = text(Title, true);
        p.subtitle = text(Subtitle, true);
        p.senderCode = sender.code;
        p.recipientCode = recipient.code;
        if (auto done = docs.setParticulars(p); !done)
            throw std::runtime_error(done.error().message.toStdString());
        Section narrative;
        narrative.kind = QStringLiteral("narrative");
        narrative.title = text(SectionTitle, true);
        narrative.body = text(SectionBody, false) + QStringLiteral("\n\n") + safeLinkText();
        Section table;
        table.kind = QStringLiteral("metrics_table");
        table.title = text(FigureCaption, true);
        table.figure = m.figure;
        Section chart;
        chart.kind = QStringLiteral("chart");
        chart.title = text(FigureCaption, true);
        chart.figure = m.figure;
        Section judgment;
        judgment.kind = QStringLiteral("judgment");
        judgment.questionCode = m.question;
        Section findings;
        findings.kind = QStringLiteral("findings");
        findings.questionCode = m.question;
        for (const Section& s : {narrative, table, chart, judgment, findings})
            if (auto done = docs.addSection(d->uid, s, {}); !done)
                throw std::runtime_error(done.error().message.toStdString());
        (kind == QLatin1String("report") ? m.report : m.letter) = d->uid;
    }
    return m;
}

// A link target that may be published: web, mail or a section of the same document.
inline bool isSafeHref(const QString& href)
{
    return href.startsWith(QLatin1String("http://")) ||
           href.startsWith(QLatin1String("https://")) ||
           href.startsWith(QLatin1String("mailto:")) || href.startsWith(QLatin1String("#s-"));
}

} // namespace fwb::hostile
