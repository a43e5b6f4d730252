// The references of the factual accuracy check: everything a document says that the force may
// answer, walked in the order the assembler prints it (see documents/builder.h), so that the
// references run F1, F2, … down the page.

#include "core/services/documents.h"
#include "core/services/review.h"
#include "core/workbench.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
class Walker {
public:
    Walker(const Workbench& wb, const Document& d, const TextFiller& fill) : m_doc(d), m_fill(fill)
    {
        if (const auto p = wb.reference().programme(d.programmeCode))
            m_programme = *p;
        const DraftRepository drafts = wb.drafts();
        for (const Judgment& j : drafts.judgments(d.programmeCode, d.forceCode))
            m_judgments.insert(j.questionCode, j);
        QList<Finding> all = drafts.findings(d.programmeCode, d.forceCode);
        std::stable_sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) {
            return a.position < b.position;
        });
        for (const Finding& f : all)
            m_findings[f.questionCode].push_back(f);
    }

    QList<ReviewItem> run()
    {
        walk(m_doc.sections);
        return m_items;
    }

private:
    QString key(const QString& question) const
    {
        return m_doc.programmeCode + QLatin1Char('/') + m_doc.forceCode + QLatin1Char('/') +
               question;
    }

    void add(const QString& prefix, int& counter, const QString& target, const QString& label,
             const QString& text)
    {
        if (text.trimmed().isEmpty() || m_seen.contains(target))
            return;
        m_seen.insert(target);
        ReviewItem i;
        i.reference = prefix + QString::number(++counter);
        i.target = target;
        i.label = label;
        i.text = text;
        i.shown = m_fill ? m_fill(text) : text;
        m_items.push_back(i);
    }

    QString sectionName(const Section& s) const
    {
        if (!s.title.isEmpty())
            return m_fill ? m_fill(s.title) : s.title;
        if (const Question* q = findQuestion(m_programme.questions, s.questionCode))
            return q->label();
        return sectionKindLabel(s.kind);
    }

    void paragraphs(const Section& s)
    {
        const QStringList list = paragraphsOf(s.body);
        for (int n = 0; n < list.size(); ++n)
            add(u"P"_s, m_paragraphs,
                u"section:"_s + s.uid + QLatin1Char('#') + QString::number(n + 1),
                QStringLiteral("Paragraph %1 of “%2”").arg(n + 1).arg(sectionName(s)), list[n]);
    }

    void judgment(const QString& question, bool overview)
    {
        const auto it = m_judgments.constFind(question);
        if (it == m_judgments.cend())
            return;
        const Question* q = findQuestion(m_programme.questions, question);
        const QString name = q ? q->label() : question;
        if (overview && !it->overview.trimmed().isEmpty())
            add(u"J"_s, m_judgmentCount, u"overview:"_s + key(question),
                QStringLiteral("Overview — %1").arg(name), it->overview);
        else
            add(u"J"_s, m_judgmentCount, u"judgment:"_s + key(question),
                QStringLiteral("Judgment (%1) — %2").arg(it->gradeLabel, name), it->summary);
    }

    void findings(const QList<Finding>& list)
    {
        for (const Finding& f : list) {
            const Question* q = findQuestion(m_programme.questions, f.questionCode);
            add(u"F"_s, m_findingCount, u"finding:"_s + f.uid,
                QStringLiteral("%1 — %2").arg(findingKindLabel(f.kind),
                                              q ? q->label() : f.questionCode),
                f.text);
        }
    }

    void findingsTree(const Section& s, const Question& q, bool top)
    {
        QList<Finding> shown;
        for (const Finding& f : m_findings.value(q.code))
            if (!(top && q.children.size() && f.kind == u"area_for_improvement"_s))
                shown << f;
        findings(shown);
        for (const Section& c : s.children)
            if (c.questionCode == q.code || (top && c.questionCode.isEmpty()))
                section(c);
        for (const Question& sub : q.children)
            findingsTree(s, sub, false);
    }

    void section(const Section& s)
    {
        const QString& k = s.kind;
        if (k == u"judgment"_s) {
            judgment(s.questionCode, false);
        } else if (k == u"overview"_s) {
            judgment(s.questionCode, true);
        }
        static const QStringList prose{u"narrative"_s,
                                       u"judgment"_s,
                                       u"overview"_s,
                                       u"findings"_s,
                                       u"areas_for_improvement"_s,
                                       u"letter_opening"_s,
                                       u"letter_closing"_s};
        if (prose.contains(k))
            paragraphs(s);
        if (k == u"findings"_s) {
            if (const Question* q = findQuestion(m_programme.questions, s.questionCode))
                findingsTree(s, *q, true);
            return; // the children were placed under their questions
        }
        if (k == u"areas_for_improvement"_s) {
            const QString kind =
                s.findingKind.isEmpty() ? u"area_for_improvement"_s : s.findingKind;
            QList<Finding> list;
            for (const Finding& f : m_findings.value(s.questionCode))
                if (f.kind == kind)
                    list << f;
            findings(list);
        }
        walk(s.children);
    }

    void walk(const QList<Section>& sections)
    {
        for (const Section& s : sections)
            section(s);
    }

    const Document& m_doc;
    const TextFiller& m_fill;
    Programme m_programme;
    QHash<QString, Judgment> m_judgments;
    QHash<QString, QList<Finding>> m_findings;
    QList<ReviewItem> m_items;
    QSet<QString> m_seen;
    int m_findingCount = 0, m_judgmentCount = 0, m_paragraphs = 0;
};

} // namespace

bool isFootnoteDefinition(const QString& chunk)
{
    // Only a block of definitions, every line one ("[^1]: …"); a definition followed by prose in
    // the same block leaves that prose as a paragraph once the definition is taken out.
    static const QRegularExpression definition(QStringLiteral("^\\s*\\[\\^[^\\]]+\\]:"));
    const QStringList lines = chunk.trimmed().split(QLatin1Char('\n'));
    return std::all_of(lines.cbegin(), lines.cend(),
                       [](const QString& l) { return definition.match(l).hasMatch(); });
}

QStringList paragraphsOf(const QString& body)
{
    static const QRegularExpression blank(QStringLiteral("\\n[ \\t]*\\n"));
    QStringList out;
    for (const QString& p : body.split(blank))
        if (!p.trimmed().isEmpty() && !isFootnoteDefinition(p))
            out << p.trimmed();
    return out;
}

QList<ReviewItem> reviewItems(const Workbench& workbench, const Document& document,
                              const TextFiller& fill)
{
    return Walker(workbench, document, fill).run();
}

} // namespace fwb
