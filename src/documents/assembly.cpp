#include "documents/assembly.h"
#include "documents/builder.h"

#include "core/services/documents.h"
#include "core/workbench.h"
#include "documents/chart.h"
#include "documents/markdown.h"
#include "documents/style.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QImage>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QTextTable>
#include <cmath>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::documents {
using namespace detail;

QPaintDevice* layoutDevice()
{
    // 96 dots per inch: 3780 dots per metre.
    static QImage device = [] {
        QImage i(1, 1, QImage::Format_ARGB32_Premultiplied);
        i.setDotsPerMeterX(3780);
        i.setDotsPerMeterY(3780);
        return i;
    }();
    return &device;
}

QString fillFields(const QString& text, const QHash<QString, QString>& fields)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    static const QRegularExpression field(QStringLiteral("\\{\\{\\s*([a-z_]+)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    auto it = field.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const auto value = fields.constFind(m.captured(1));
        out += value != fields.cend() ? *value : m.captured(0);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

QString Assembly::sectionAt(int position) const
{
    QString best;
    int bestAt = -1;
    for (auto it = sectionPositions.cbegin(); it != sectionPositions.cend(); ++it)
        if (it.value() <= position && it.value() > bestAt) {
            bestAt = it.value();
            best = it.key();
        }
    return best;
}

void Assembly::setContentsPages(const std::function<int(int)>& pageOf)
{
    if (!contents)
        return;
    // Every page is found before any number is written: writing changes the layout.
    QList<int> pages;
    for (int r = 0; r < contentsEntries.size(); ++r)
        pages << pageOf(headings[contentsEntries[r]].cursor.position());
    for (int r = 0; r < contentsEntries.size(); ++r) {
        const Heading& h = headings[contentsEntries[r]];
        QTextTableCell cell = contents->cellAt(r, 1);
        QTextCursor c = cell.firstCursorPosition();
        c.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
        QTextCharFormat cf;
        cf.setFont(style::bodyFont(h.level == 1 ? 10.5 : 10),
                   QTextCharFormat::FontPropertiesSpecifiedOnly);
        cf.setFontPointSize(h.level == 1 ? 10.5 : 10);
        cf.setFontWeight(h.level == 1 ? QFont::Bold : QFont::Normal);
        cf.setForeground(h.level == 1 ? style::accent() : style::ink());
        c.insertText(QString::number(pages[r]), cf);
    }
    document->markContentsDirty(0, document->characterCount());
}

Result<Assembly> assemble(const Workbench& workbench, const QString& documentUid,
                          const AssemblyOptions& options)
{
    const auto d = workbench.documents().document(documentUid);
    if (!d)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no document \"%1\"").arg(documentUid));
    return assemble(workbench, *d, options);
}

namespace {
QHash<QString, QString> fieldsOf(const Document& document, const Force& force,
                                 const Programme& programme)
{
    return {{u"force"_s, force.name},
            {u"force_short"_s, forceShort(force)},
            {u"style"_s, force.styleNoun()},
            {u"programme"_s, programme.title},
            {u"fieldwork"_s, programme.fieldwork},
            {u"date"_s, style::longDate(document.dated)},
            {u"embargo"_s, document.embargo.isEmpty() ? QStringLiteral("(no embargo set)")
                                                      : style::embargoPhrase(document.embargo)}};
}
} // namespace

QHash<QString, QString> documentFields(const Workbench& workbench, const Document& document)
{
    const ReferenceRepository ref = workbench.reference();
    const auto force = ref.force(document.forceCode);
    const auto programme = ref.programme(document.programmeCode);
    if (!force || !programme)
        return {};
    return fieldsOf(document, *force, *programme);
}

std::function<QString(const QString&)> fieldFiller(const Workbench& workbench,
                                                   const Document& document)
{
    return [fields = documentFields(workbench, document)](const QString& text) {
        return fillFields(text, fields);
    };
}

Result<Assembly> assemble(const Workbench& workbench, const Document& document,
                          const AssemblyOptions& options)
{
    QElapsedTimer clock;
    clock.start();
    const ReferenceRepository ref = workbench.reference();
    const DraftRepository drafts = workbench.drafts();
    Data data;
    data.doc = document;
    const auto programme = ref.programme(document.programmeCode);
    if (!programme)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(document.programmeCode));
    data.programme = *programme;
    const auto force = ref.force(document.forceCode);
    if (!force)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no force \"%1\"").arg(document.forceCode));
    data.force = *force;
    for (const Person& p : ref.people()) {
        if (p.code == document.senderCode)
            data.sender = p;
        if (p.code == document.recipientCode)
            data.recipient = p;
    }
    if (!data.programme.gradeScaleCode.isEmpty())
        data.scale = ref.gradeScale(data.programme.gradeScaleCode);
    for (const Judgment& j : drafts.judgments(document.programmeCode, document.forceCode))
        data.judgments.insert(j.questionCode, j);
    for (const Finding& f : drafts.findings(document.programmeCode, document.forceCode))
        data.findings[f.questionCode].push_back(f);
    for (auto& list : data.findings)
        std::stable_sort(list.begin(), list.end(), [](const Finding& a, const Finding& b) {
            return a.position < b.position;
        });
    data.metrics = drafts.metrics(document.programmeCode, document.forceCode);
    std::stable_sort(data.metrics.begin(), data.metrics.end(),
                     [](const Metric& a, const Metric& b) { return a.position < b.position; });
    // Other forces' figures as the reader may see them: chosen here, so every exporter and the
    // preview show the same.
    data.audience = options.audience.value_or(
        document.status == u"published"_s ? Audience::Outside : Audience::Inspectorate);
    auto every =
        figuresOfEveryForce(workbench, document.programmeCode, document.forceCode, data.audience);
    if (!every)
        return every.error();
    data.everyForceMetrics = std::move(every->metrics);
    data.unpublished = std::move(every->unpublished);
    for (const Force& f : ref.forces())
        data.forces.insert(f.code, f);
    indexQuestions(data.programme.questions, data.questions);
    data.fields = fieldsOf(document, data.force, data.programme);
    for (auto it = data.fields.cbegin(); it != data.fields.cend(); ++it)
        data.markdownFields.insert(it.key(), escapeMarkdown(it.value()));

    Assembly out;
    out.source = document;
    out.audience = data.audience;
    out.document = std::make_unique<QTextDocument>();
    QTextDocument* doc = out.document.get();
    doc->setDefaultFont(style::bodyFont());
    doc->setDocumentMargin(0);
    doc->setMetaInformation(QTextDocument::DocumentTitle, cleanText(document.title));
    out.runningTitle = cleanText(document.kind == u"report"_s
                                     ? document.title + QStringLiteral(" – ") + data.force.name
                                     : document.title);
    if (!document.embargo.isEmpty()) {
        QDateTime until = QDateTime::fromString(document.embargo, Qt::ISODate);
        if (until.isValid() && options.now < until) {
            out.embargoed = true;
            out.embargoNotice = u"EMBARGOED until "_s + style::embargoTime(document.embargo);
        }
    }
    out.draft = document.status != u"final"_s && document.status != u"published"_s;
    if (out.draft)
        out.draftNotice = u"DRAFT – not for publication"_s;
    out.author =
        cleanText(document.kind == u"letter"_s && data.sender && !data.sender->name.isEmpty()
                      ? data.sender->name
                      : u"HMIC"_s);
    const qint64 loaded = clock.elapsed();
    Builder b(data, out, options);
    b.build();
    const qint64 built = clock.elapsed();
    b.finishContents();
    // The one place every text of the document passes: whatever path a text took into it, no
    // link but a web, mail or section link and no control character comes out.
    if (const int changed = neutralise(*doc))
        spdlog::debug("assembly of {}: {} unsafe links or characters made plain",
                      document.uid.toStdString(), changed);
    // The layout is made only now: while the text is being built, every insertion would lay the
    // document out again.
    doc->documentLayout()->setPaintDevice(layoutDevice());
    ChartObject::install(doc);
    spdlog::debug("assembly of {}: data {} ms, text {} ms, contents {} ms",
                  document.uid.toStdString(), loaded, built - loaded, clock.elapsed() - built);
    spdlog::debug("assembled {} ({} characters, {} headings)", document.uid.toStdString(),
                  doc->characterCount(), out.headings.size());
    return out;
}

} // namespace fwb::documents
