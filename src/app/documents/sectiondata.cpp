#include "app/documents/sectiondata.h"

#include "core/reader.h"
#include "core/services/documents.h"
#include "core/workbench.h"
#include "documents/markdown.h"

#include <QObject>
#include <functional>

namespace fwb::app {
namespace {
QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}
} // namespace

QString sectionDataHtml(const Workbench& workbench, const Document& document, const Section& s)
{
    const Workbench* wb = &workbench;
    const Document* d = &document;
    const auto programme = wb->reader().programme(d->programmeCode);
    QString html;
    auto para = [&](const QString& t) { html += QStringLiteral("<p>%1</p>").arg(esc(t)); };
    if (s.kind == QLatin1String("findings") || s.kind == QLatin1String("areas_for_improvement")) {
        const Question* q =
            programme ? findQuestion(programme->questions, s.questionCode) : nullptr;
        std::function<void(const Question&, int)> walk = [&](const Question& question, int depth) {
            QStringList items;
            for (const Finding& f :
                 wb->reader().findings(d->programmeCode, d->forceCode, question.code)) {
                if (s.kind == QLatin1String("areas_for_improvement") &&
                    f.kind != (s.findingKind.isEmpty() ? QStringLiteral("area_for_improvement")
                                                       : s.findingKind))
                    continue;
                items << QStringLiteral("<li><i>%1</i> — %2</li>")
                             .arg(esc(findingKindLabel(f.kind)),
                                  esc(documents::toPlainText(f.text)));
            }
            if (!items.isEmpty() || depth == 0)
                html +=
                    QStringLiteral("<h4>%1 %2</h4>").arg(esc(question.code), esc(question.label()));
            if (!items.isEmpty())
                html += QStringLiteral("<ul>%1</ul>").arg(items.join(QString()));
            if (s.kind == QLatin1String("findings"))
                for (const Question& c : question.children)
                    walk(c, depth + 1);
        };
        if (q)
            walk(*q, 0);
        if (!html.contains(QLatin1String("<li>")))
            para(QObject::tr("No findings are recorded under this question yet."));
    } else if (s.kind == QLatin1String("judgment") || s.kind == QLatin1String("overview")) {
        if (const auto j = wb->reader().judgment(d->programmeCode, d->forceCode, s.questionCode)) {
            html += QStringLiteral("<p><b>%1</b></p>").arg(esc(j->gradeLabel));
            para(documents::toPlainText(s.kind == QLatin1String("overview") &&
                                                !j->overview.trimmed().isEmpty()
                                            ? j->overview
                                            : j->summary));
        } else {
            para(QObject::tr("No judgment is recorded for %1 yet.").arg(s.questionCode));
        }
    } else if (s.kind == QLatin1String("metrics_table") || s.kind == QLatin1String("chart")) {
        QStringList rows;
        for (const Metric& m : wb->reader().metrics(d->programmeCode, d->forceCode))
            if (!s.figure.isEmpty() && m.figure == s.figure)
                rows << QStringLiteral("<tr><td>%1</td><td>%2</td><td align=right>%3</td><td "
                                       "align=right>%4</td></tr>")
                            .arg(esc(m.name), esc(m.measure), QString::number(m.forceValue),
                                 m.nationalValue ? QString::number(*m.nationalValue) : QString());
        if (rows.isEmpty())
            para(s.figure.isEmpty()
                     ? QObject::tr("Name the figure whose numbers this section shows.")
                     : QObject::tr(
                           "No figures are recorded for %1: add them in the Draft tab’s Figures.")
                           .arg(s.figure));
        else
            html += QStringLiteral("<table cellspacing=0 cellpadding=3 "
                                   "border=1><tr><th>Figure</th><th>Measure</th>"
                                   "<th>Force</th><th>England and Wales</th></tr>%1</table>")
                        .arg(rows.join(QString()));
    } else if (s.kind == QLatin1String("grade_definitions")) {
        if (programme && !programme->gradeScaleCode.isEmpty())
            if (const auto scale = wb->reader().gradeScale(programme->gradeScaleCode))
                for (const Grade& g : scale->grades)
                    html += QStringLiteral("<p><b>%1</b> — %2</p>")
                                .arg(esc(g.label), esc(g.definition));
        para(QObject::tr("When the text below is empty, these definitions are printed."));
    } else if (s.kind == QLatin1String("contents")) {
        para(QObject::tr("The chapters and their sections, with page numbers in PDF and print and "
                         "links elsewhere."));
    } else if (s.kind == QLatin1String("letter_opening")) {
        para(QObject::tr("The sender, the recipient and their post, the date, the salutation and "
                         "the letter’s title, "
                         "from the document’s particulars."));
    } else if (s.kind == QLatin1String("letter_closing")) {
        para(QObject::tr("“Yours sincerely” and the sender’s name and post."));
    }
    return html;
}

std::optional<Section> storedSection(const Workbench& workbench, const QString& documentUid,
                                     const QString& sectionUid)
{
    if (documentUid.isEmpty() || sectionUid.isEmpty())
        return std::nullopt;
    const auto d = workbench.reader().document(documentUid);
    if (!d)
        return std::nullopt;
    if (const Section* s = findSection(d->sections, sectionUid)) {
        Section copy = *s;
        copy.children.clear();
        return copy;
    }
    return std::nullopt;
}

} // namespace fwb::app
