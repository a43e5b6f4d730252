#include "app/panes/detailrenderer.h"

#include "app/models/kindstyle.h"
#include "app/panes/htmlwriter.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <functional>

namespace fwb::app {
namespace {

using Kind = NavigatorKey::Kind;

const QLocale& english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString formatDate(const QString& iso)
{
    const QDate d = QDate::fromString(iso.left(10), Qt::ISODate);
    return d.isValid() ? english().toString(d, QStringLiteral("d MMMM yyyy")) : iso;
}

QString formatDateTime(const QString& iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? english().toString(t, QStringLiteral("HH:mm, d MMMM yyyy")) : iso;
}

QString formatNumber(double v)
{
    if (std::abs(v - std::round(v)) < 1e-9)
        return english().toString(qint64(std::llround(v)));
    QString s = english().toString(v, 'f', 3);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    return s;
}

QString methodLabel(const QString& method)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("file_review"), QStringLiteral("File review")},
        {QStringLiteral("dip_sample"), QStringLiteral("Dip sample")},
        {QStringLiteral("survey"), QStringLiteral("Survey")},
        {QStringLiteral("interview"), QStringLiteral("Interviews")},
        {QStringLiteral("focus_group"), QStringLiteral("Focus groups")}};
    return labels.value(method, method);
}

QString statusLabel(const QString& status)
{
    return status.isEmpty() ? status : status.front().toUpper() + status.mid(1);
}

// Codes of a question and everything below it, in tree order.
void collectCodes(const Question& q, QStringList& out)
{
    out << q.code;
    for (const Question& c : q.children)
        collectCodes(c, out);
}

// Position of each question in depth-first order, for sorting findings by where they sit.
QHash<QString, int> treeOrder(const QList<Question>& questions)
{
    QHash<QString, int> order;
    std::function<void(const QList<Question>&)> walk = [&](const QList<Question>& qs) {
        for (const Question& q : qs) {
            order.insert(q.code, int(order.size()));
            walk(q.children);
        }
    };
    walk(questions);
    return order;
}

QString measureText(const Measure& m, const std::optional<int>& sampleSize)
{
    const std::optional<int> base = m.base ? m.base : sampleSize;
    QString text =
        base ? QStringLiteral("%1 of %2").arg(m.count).arg(*base) : QString::number(m.count);
    if (m.base && !m.baseLabel.isEmpty())
        text += QStringLiteral(" (%1)").arg(m.baseLabel);
    return text;
}

void writeEvidence(HtmlWriter& w, const QList<EvidenceSample>& samples)
{
    for (const EvidenceSample& e : samples) {
        w.heading(4, e.label);
        QStringList facts{methodLabel(e.method)};
        if (e.sampleSize)
            facts << QStringLiteral("sample of %1").arg(*e.sampleSize);
        if (!e.population.isEmpty())
            facts << QStringLiteral("drawn from: %1").arg(e.population);
        w.paragraph(facts.join(QStringLiteral(" · ")), QStringLiteral("meta"));
        if (!e.description.isEmpty())
            w.paragraph(e.description, QStringLiteral("quote"));
        if (!e.strata.isEmpty()) {
            QStringList strata;
            for (const Stratum& s : e.strata)
                strata << QStringLiteral("%1 %2").arg(s.size).arg(s.label);
            w.paragraph(QStringLiteral("Strata: ") + strata.join(QStringLiteral("; ")),
                        QStringLiteral("meta"));
        }
        if (!e.measures.isEmpty()) {
            w.beginTable({QStringLiteral("Measure"), QStringLiteral("Files")});
            for (const Measure& m : e.measures)
                w.row({esc(m.label), esc(measureText(m, e.sampleSize))},
                      {QString(), QStringLiteral("num")});
            w.endTable();
        }
    }
}

void writeMetrics(HtmlWriter& w, const QList<Metric>& metrics, const QString& forceName)
{
    QString figure = QStringLiteral("\x01"); // not a figure name: the first metric opens a table
    bool open = false;
    for (const Metric& m : metrics) {
        if (m.figure != figure) {
            if (open)
                w.endTable();
            figure = m.figure;
            if (!figure.isEmpty())
                w.heading(4, figure);
            w.beginTable({QStringLiteral("Name"), QStringLiteral("Measure"),
                          QStringLiteral("Period"), forceName, QStringLiteral("England and Wales"),
                          QStringLiteral("Unit")});
            open = true;
        }
        QString name = esc(m.name);
        if (!m.note.isEmpty())
            name += QStringLiteral("<br/><span class=\"small\">%1</span>").arg(esc(m.note));
        if (!m.source.isEmpty())
            name +=
                QStringLiteral("<br/><span class=\"small\">Source: %1</span>").arg(esc(m.source));
        w.row({name, esc(m.measure), esc(m.period), esc(formatNumber(m.forceValue)),
               m.nationalValue ? esc(formatNumber(*m.nationalValue)) : QStringLiteral("—"),
               esc(m.unit)},
              {QString(), QString(), QString(), QStringLiteral("num"), QStringLiteral("num"),
               QString()});
    }
    if (open)
        w.endTable();
}

void writeFinding(HtmlWriter& w, const Finding& f, const QString& meta)
{
    // A thin coloured first cell marks the kind, like a margin rule in a printed report.
    w.raw(QStringLiteral(
              "<table class=\"finding\" width=\"99%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
              "<td width=\"4\" style=\"background-color:%1\"></td><td class=\"findingtext\">")
              .arg(KindStyle::colour(f.kind).name()));
    w.markdown(f.text);
    if (!meta.isEmpty())
        w.paragraph(meta, QStringLiteral("meta"));
    w.raw(QStringLiteral("</td></tr></table>\n"));
}

QString forceName(const Reader& ref, const QString& code)
{
    const auto f = ref.force(code);
    return f ? f->name : code;
}

} // namespace

QString DetailRenderer::messagePage(const QString& title, const QString& message)
{
    HtmlWriter w;
    w.raw(QStringLiteral("<br/><br/>"));
    w.heading(1, title, QStringLiteral("quiet"));
    w.paragraph(message, QStringLiteral("meta"));
    return w.page();
}

QString DetailRenderer::render(const NavigatorKey& key) const
{
    switch (key.kind) {
    case Kind::Programme:
        return programmePage(key.programme);
    case Kind::Force:
        return forcePage(key.programme, key.force);
    case Kind::Question:
        return questionPage(key.programme, key.force, key.question);
    case Kind::None:
        break;
    }
    return messagePage(
        QStringLiteral("Nothing selected"),
        QStringLiteral("Choose a programme, a force or a question in the navigator."));
}

QString DetailRenderer::programmePage(const QString& code) const
{
    const Reader ref = m_workbench.reader();
    const auto p = ref.programme(code);
    if (!p)
        return messagePage(QStringLiteral("No such programme"), code);
    HtmlWriter w;
    w.eyebrow(QStringLiteral("%1 inspection · %2")
                  .arg(p->kind == QLatin1String("peel") ? QStringLiteral("PEEL")
                                                        : QStringLiteral("Thematic"))
                  .arg(p->year));
    w.heading(1, p->title);

    const int forces = int(m_workbench.reader().forcesWithMaterial(code).size());
    w.beginTable({}, QStringLiteral("facts"), false);
    auto fact = [&](const QString& label, const QString& value) {
        if (!value.isEmpty())
            w.fact(label, esc(value));
    };
    fact(QStringLiteral("Short title"), p->shortTitle);
    fact(QStringLiteral("Year"), QString::number(p->year));
    fact(QStringLiteral("Fieldwork"), p->fieldwork);
    fact(QStringLiteral("Published"),
         p->published.isEmpty() ? QString() : formatDate(p->published));
    fact(QStringLiteral("Forces with material"), QString::number(forces));
    w.endTable();

    if (const auto scale =
            p->gradeScaleCode.isEmpty() ? std::nullopt : ref.gradeScale(p->gradeScaleCode)) {
        w.heading(2, QStringLiteral("Grades"));
        w.paragraph(scale->name, QStringLiteral("meta"));
        w.beginTable({QStringLiteral("Grade"), QStringLiteral("Definition")});
        for (const Grade& g : scale->grades)
            w.row({HtmlWriter::badge(g.code, g.label, g.rank), esc(g.definition)},
                  {QStringLiteral("nowrap")});
        w.endTable();
    } else {
        w.heading(2, QStringLiteral("Grades"));
        w.note(QStringLiteral("This inspection does not grade forces: it records findings only."));
    }

    w.heading(2, QStringLiteral("Question framework"));
    std::function<void(const QList<Question>&)> list = [&](const QList<Question>& qs) {
        w.beginList();
        for (const Question& q : qs) {
            QString html = QStringLiteral("<b>%1</b>&nbsp; %2").arg(esc(q.code), esc(q.text));
            if (q.graded && !p->gradeScaleCode.isEmpty())
                html += QStringLiteral(" <span class=\"tag\">graded</span>");
            w.raw(QStringLiteral("<li>") + html);
            if (!q.children.isEmpty())
                list(q.children);
            w.raw(QStringLiteral("</li>"));
        }
        w.endList();
    };
    list(p->questions);
    return w.page();
}

QString DetailRenderer::forcePage(const QString& programme, const QString& forceCode) const
{
    const Reader ref = m_workbench.reader();
    const Reader drafts = m_workbench.reader();
    const auto p = ref.programme(programme);
    const auto force = ref.force(forceCode);
    if (!p || !force)
        return messagePage(QStringLiteral("Not found"), programme + QLatin1Char('/') + forceCode);

    HtmlWriter w;
    w.eyebrow(p->label());
    w.heading(1, force->name);
    QStringList about;
    if (!force->regionName.isEmpty())
        about << force->regionName;
    if (const auto chief =
            force->chiefOfficerCode.isEmpty() ? std::nullopt : ref.person(force->chiefOfficerCode))
        about << (chief->post.isEmpty() ? chief->name
                                        : chief->name + QStringLiteral(", ") + chief->post);
    if (!about.isEmpty())
        w.paragraph(about.join(QStringLiteral(" · ")), QStringLiteral("meta"));

    const QList<Question> flat = ref.questionsFlat(programme);
    if (!p->gradeScaleCode.isEmpty()) {
        w.heading(2, QStringLiteral("Judgments"));
        QHash<QString, Judgment> judgments;
        for (const Judgment& j : drafts.judgments(programme, forceCode))
            judgments.insert(j.questionCode, j);
        w.beginTable(
            {QStringLiteral("Question"), QStringLiteral("Grade"), QStringLiteral("Status")});
        for (const Question& q : flat) {
            if (!q.graded)
                continue;
            const QString indent = QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;").repeated(q.depth);
            const QString title =
                indent + HtmlWriter::link(programme + QLatin1Char('/') + forceCode +
                                              QLatin1Char('/') + q.code,
                                          q.label());
            if (const auto it = judgments.constFind(q.code); it != judgments.cend())
                w.row({title, HtmlWriter::badge(it->gradeCode, it->gradeLabel, it->gradeRank),
                       esc(statusLabel(it->status))},
                      {QString(), QStringLiteral("nowrap")});
            else
                w.row({title, QStringLiteral("<i>no judgment</i>"), QString()},
                      {QString(), QStringLiteral("missing")});
        }
        w.endTable();
    }

    // Findings: a matrix of the inspection's main questions by kind. Each row counts its whole
    // subtree; an overall question's own findings get a row of their own.
    QHash<QString, QMap<QString, int>> own;
    QMap<QString, int> totals;
    for (const QuestionCounts& c : drafts.findingCounts(programme, forceCode)) {
        own[c.questionCode][c.kind] += c.count;
        totals[c.kind] += c.count;
    }
    w.heading(2, QStringLiteral("Findings"));
    if (totals.isEmpty()) {
        w.note(QStringLiteral("No findings recorded yet."));
    } else {
        QStringList kinds;
        for (const QString& k : findingKinds())
            if (totals.value(k))
                kinds << k;
        QStringList headers{QStringLiteral("Question")};
        QStringList numClasses{QString()};
        for (const QString& k : kinds) {
            headers << findingKindPluralLabel(k);
            numClasses << QStringLiteral("num");
        }
        const bool single = p->questions.size() == 1 && !p->questions.front().children.isEmpty();
        struct Line {
            const Question* question;
            bool subtree;
        };
        QList<Line> lines;
        if (single)
            lines.push_back({&p->questions.front(), false});
        for (const Question& q : single ? p->questions.front().children : p->questions)
            lines.push_back({&q, true});

        w.beginTable(headers);
        for (const Line& line : lines) {
            QStringList codes{line.question->code};
            if (line.subtree) {
                codes.clear();
                collectCodes(*line.question, codes);
            }
            QMap<QString, int> sum;
            for (const QString& c : codes) {
                const QMap<QString, int> counts = own.value(c);
                for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                    sum[it.key()] += it.value();
            }
            if (sum.isEmpty())
                continue;
            QStringList cells{HtmlWriter::link(programme + QLatin1Char('/') + forceCode +
                                                   QLatin1Char('/') + line.question->code,
                                               line.question->label())};
            for (const QString& k : kinds)
                cells << (sum.value(k) ? QString::number(sum.value(k)) : QString());
            w.row(cells, numClasses);
        }
        QStringList total{QStringLiteral("<b>Total</b>")};
        for (const QString& k : kinds)
            total << QStringLiteral("<b>%1</b>").arg(totals.value(k));
        w.row(total, numClasses);
        w.endTable();
    }

    const QList<EvidenceSample> evidence = drafts.evidence(programme, forceCode);
    if (!evidence.isEmpty()) {
        w.heading(2, QStringLiteral("Evidence samples"));
        writeEvidence(w, evidence);
    }
    const QList<Metric> metrics = drafts.metrics(programme, forceCode);
    if (!metrics.isEmpty()) {
        w.heading(2, QStringLiteral("Figures"));
        writeMetrics(w, metrics, force->shortName.isEmpty() ? force->name : force->shortName);
    }
    const QList<Document> documents = m_workbench.reader().documents(programme, forceCode);
    w.heading(2, QStringLiteral("Documents"));
    if (documents.isEmpty()) {
        w.note(QStringLiteral("No letters or reports yet."));
    } else {
        w.beginTable({QStringLiteral("Title"), QStringLiteral("Kind"), QStringLiteral("Dated"),
                      QStringLiteral("Embargo"), QStringLiteral("Status")});
        for (const Document& d : documents) {
            QString title = esc(d.title);
            if (!d.subtitle.isEmpty())
                title +=
                    QStringLiteral("<br/><span class=\"small\">%1</span>").arg(esc(d.subtitle));
            w.row({title, esc(statusLabel(d.kind)), esc(formatDate(d.dated)),
                   d.embargo.isEmpty() ? QStringLiteral("—") : esc(formatDateTime(d.embargo)),
                   esc(statusLabel(d.status))},
                  {QString(), QString(), QStringLiteral("nowrap"), QStringLiteral("nowrap")});
        }
        w.endTable();
    }
    return w.page();
}

QString DetailRenderer::questionPage(const QString& programme, const QString& forceCode,
                                     const QString& code) const
{
    const Reader ref = m_workbench.reader();
    const Reader drafts = m_workbench.reader();
    const auto p = ref.programme(programme);
    const Question* q = p ? findQuestion(p->questions, code) : nullptr;
    if (!q)
        return messagePage(QStringLiteral("Not found"), programme + QLatin1Char('/') + code);
    const QString fname = forceName(ref, forceCode);
    const QString path = programme + QLatin1Char('/') + forceCode + QLatin1Char('/');

    HtmlWriter w;
    w.eyebrow(QStringLiteral("%1 · %2 · %3").arg(p->label(), fname, q->code));
    w.heading(1, q->text);

    const bool scaled = !p->gradeScaleCode.isEmpty();
    if (scaled && q->graded) {
        if (const auto j = drafts.judgment(programme, forceCode, code)) {
            w.raw(QStringLiteral("<table class=\"judgment\" width=\"99%\" cellspacing=\"0\" "
                                 "cellpadding=\"12\"><tr><td>"));
            w.paragraphHtml(HtmlWriter::badge(j->gradeCode, j->gradeLabel, j->gradeRank) +
                                QStringLiteral("&nbsp;&nbsp;<span class=\"small\">%1</span>")
                                    .arg(esc(statusLabel(j->status))),
                            QStringLiteral("gradeline"));
            if (j->firstYearGraded)
                w.note(QStringLiteral("First year graded — no year-on-year comparison."));
            w.markdown(j->summary);
            if (!j->overview.trimmed().isEmpty() && j->overview.trimmed() != j->summary.trimmed()) {
                w.heading(4, QStringLiteral("In the report's overview"));
                w.markdown(j->overview);
            }
            w.raw(QStringLiteral("</td></tr></table>\n"));
        } else {
            w.paragraph(QStringLiteral("No judgment recorded yet for this graded question."),
                        QStringLiteral("missing"));
        }
    }

    // Grades of the questions directly below, so an overall question reads as a summary.
    if (scaled) {
        QList<std::pair<QStringList, QStringList>> rows; // cells, cell classes
        for (const Question& c : q->children) {
            if (!c.graded)
                continue;
            const auto j = drafts.judgment(programme, forceCode, c.code);
            rows.push_back({{HtmlWriter::link(path + c.code, c.label()),
                             j ? HtmlWriter::badge(j->gradeCode, j->gradeLabel, j->gradeRank)
                               : QStringLiteral("<i>no judgment</i>")},
                            {QString(), j ? QStringLiteral("nowrap") : QStringLiteral("missing")}});
        }
        if (!rows.isEmpty()) {
            w.heading(2, QStringLiteral("Questions below"));
            w.beginTable({QStringLiteral("Question"), QStringLiteral("Grade")});
            for (const auto& [cells, classes] : rows)
                w.row(cells, classes);
            w.endTable();
        }
    }

    QStringList codes;
    collectCodes(*q, codes);
    const QSet<QString> inScope(codes.cbegin(), codes.cend());
    const QHash<QString, int> order = treeOrder(p->questions);
    QList<Finding> findings;
    for (const Finding& f : drafts.findings(programme, forceCode))
        if (inScope.contains(f.questionCode))
            findings << f;
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
        const int oa = order.value(a.questionCode), ob = order.value(b.questionCode);
        return oa != ob ? oa < ob : a.position < b.position;
    });

    const QList<EvidenceSample> allEvidence = drafts.evidence(programme, forceCode);
    QHash<QString, QString> evidenceLabels;
    for (const EvidenceSample& e : allEvidence)
        evidenceLabels.insert(e.uid, e.label);

    w.heading(2, QStringLiteral("Findings"));
    if (findings.isEmpty())
        w.note(QStringLiteral("No findings recorded under this question."));
    QSet<QString> cited;
    for (const QString& kind : findingKinds()) {
        bool headed = false;
        for (const Finding& f : findings) {
            if (f.kind != kind)
                continue;
            if (!headed) {
                w.raw(QStringLiteral("<h3><span style=\"color:%1\">%2</span>&nbsp; %3</h3>\n")
                          .arg(KindStyle::colour(kind).name(), KindStyle::symbol(kind),
                               esc(findingKindPluralLabel(kind))));
                headed = true;
            }
            QStringList meta;
            if (f.questionCode != code)
                if (const Question* under = findQuestion(p->questions, f.questionCode))
                    meta << QStringLiteral("%1 %2").arg(under->code, under->label());
            QStringList cites;
            for (const QString& uid : f.evidenceUids) {
                cited.insert(uid);
                cites << evidenceLabels.value(uid, uid);
            }
            if (!cites.isEmpty())
                meta << QStringLiteral("Evidence: ") + cites.join(QStringLiteral("; "));
            writeFinding(w, f, meta.join(QStringLiteral(" · ")));
        }
    }

    QList<EvidenceSample> evidence;
    for (const EvidenceSample& e : allEvidence)
        if (cited.contains(e.uid) || inScope.contains(e.questionCode))
            evidence << e;
    if (!evidence.isEmpty()) {
        w.heading(2, QStringLiteral("Evidence"));
        writeEvidence(w, evidence);
    }

    QList<Metric> metrics;
    for (const Metric& m : drafts.metrics(programme, forceCode))
        if (inScope.contains(m.questionCode))
            metrics << m;
    if (!metrics.isEmpty()) {
        w.heading(2, QStringLiteral("Figures"));
        const auto force = ref.force(forceCode);
        writeMetrics(w, metrics, force && !force->shortName.isEmpty() ? force->shortName : fname);
    }
    return w.page();
}

} // namespace fwb::app
