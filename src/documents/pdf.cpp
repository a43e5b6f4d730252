// The PDF: pages painted from the assembly (also for print and print preview), then finished
// with libqpdf (bookmarks, language, metadata). See pdf.h and export.h.
#include "documents/pdf.h"

#include "documents/chart.h"
#include "documents/export.h"
#include "documents/style.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextCursor>
#include <QUrl>
#include <cmath>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::documents {
namespace {
// Page geometry in millimetres.
constexpr qreal kPageWidth = 210, kPageHeight = 297;
constexpr qreal kLeft = 22, kRight = 22, kTop = 24, kBottom = 22;

// The bands at the head of every page: DRAFT (while the document is not final) and the embargo
// notice, side by side when both apply.
void paintBands(QPainter& painter, const Assembly& a, qreal mm)
{
    if (!a.draft && !a.embargoed)
        return;
    QFont notice = style::bodyFont(9);
    notice.setBold(true);
    painter.setFont(notice);
    QRectF row(kLeft * mm, 6 * mm, (kPageWidth - kLeft - kRight) * mm, 7 * mm);
    if (a.draft) {
        QRectF band = row;
        if (a.embargoed)
            band.setWidth(std::min(62 * mm, row.width() / 3));
        painter.fillRect(band, style::draftBackground());
        painter.setPen(QPen(style::draftInk(), 0.35 * mm));
        painter.drawRect(band.adjusted(0.175 * mm, 0.175 * mm, -0.175 * mm, -0.175 * mm));
        QFont big = notice;
        big.setLetterSpacing(QFont::PercentageSpacing, 108);
        painter.setFont(big);
        painter.drawText(band, Qt::AlignCenter, a.embargoed ? u"DRAFT"_s : a.draftNotice.toUpper());
        painter.setFont(notice);
        row.setLeft(band.right() + 2 * mm);
    }
    if (a.embargoed) {
        painter.fillRect(row, style::embargo());
        painter.setPen(Qt::white);
        painter.drawText(row, Qt::AlignCenter, a.embargoNotice);
    }
}

} // namespace

int paintPages(Assembly& a, QPagedPaintDevice& device)
{
    return paintPages(a, device, nullptr);
}

int paintPages(Assembly& a, QPagedPaintDevice& device, QList<HeadingPlace>* places)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    QTextDocument* doc = a.document.get();
    // The text is laid out in 96-dpi units (see kLayoutDpi); page furniture is drawn in the
    // device's own units.
    const qreal dmm = device.logicalDpiY() / 25.4;
    const qreal lmm = kLayoutDpi / 25.4;
    const qreal scale = device.logicalDpiY() / kLayoutDpi;
    const QRectF body(kLeft * lmm, kTop * lmm, (kPageWidth - kLeft - kRight) * lmm,
                      (kPageHeight - kTop - kBottom) * lmm);
    doc->documentLayout()->setPaintDevice(layoutDevice());
    ChartObject::install(doc);
    doc->setPageSize(body.size());
    QAbstractTextDocumentLayout* layout = doc->documentLayout();
    // Where a block's first line is (blocks pushed to a new page start their lines there).
    auto lineTop = [&](const QTextBlock& b) {
        const qreal top = layout->blockBoundingRect(b).top();
        return b.layout() && b.layout()->lineCount() > 0 ? top + b.layout()->lineAt(0).y() : top;
    };
    auto pageIndex = [&](qreal y) { return int(std::floor((y + 1) / body.height())); };
    auto pageOf = [&](int position) { return pageIndex(lineTop(doc->findBlock(position))) + 1; };
    // A heading or caption that would end a page goes to the next one with what follows it. One
    // pass in document order: moving a block changes only what comes after it.
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (!b.blockFormat().boolProperty(KeepWithNextProperty) || !b.next().isValid())
            continue;
        // Qt's layout loses what follows when a block just before a table is pushed to a new
        // page; such headings and captions stay where they are.
        if (QTextCursor(b.next()).currentTable() || QTextCursor(b).currentTable())
            continue;
        if (pageIndex(lineTop(b.next())) > pageIndex(lineTop(b))) {
            QTextCursor c(b);
            QTextBlockFormat f = b.blockFormat();
            f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            c.setBlockFormat(f);
            // Lay out again everything from here on before asking where later blocks are.
            doc->markContentsDirty(b.position(), doc->characterCount() - b.position());
        }
    }
    // Page numbers in the contents can move what follows them; settle in a few rounds.
    for (int round = 0; round < 3 && a.contents; ++round) {
        QList<int> before;
        for (int i : a.contentsEntries)
            before << pageOf(a.headings[i].cursor.position());
        a.setContentsPages(pageOf);
        QList<int> after;
        for (int i : a.contentsEntries)
            after << pageOf(a.headings[i].cursor.position());
        if (after == before)
            break;
    }
    const int pages = doc->pageCount();
    const qreal mm = dmm;
    if (places)
        for (const Heading& h : a.headings) {
            const qreal y = lineTop(doc->findBlock(h.cursor.position()));
            const int page = pageIndex(y);
            places->push_back(
                {h.text, h.level, page, (kTop + (y - page * body.height()) / lmm) * 72 / 25.4});
        }

    QPainter painter(&device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont small = style::bodyFont(8);
    // Each line is drawn on its own page only. Qt draws every line that touches the clip, and
    // a line's leading can reach a few units past the foot of its page: clipped away on paper, but
    // written again into the next page's text layer (found twice by a search, copied twice).
    // Asking for the page less a margin smaller than any line keeps each line on one page.
    const qreal inset = 5;
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device.newPage();
        painter.save();
        painter.scale(scale, scale);
        painter.translate(body.left(), body.top() - i * body.height());
        const QRectF page(0, i * body.height(), body.width(), body.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = page.adjusted(0, inset, 0, -inset);
        ctx.palette.setColor(QPalette::Text, style::ink());
        painter.setClipRect(page);
        layout->draw(&painter, ctx);
        painter.restore();

        paintBands(painter, a, mm);
        if (a.titlePage && i == 0)
            continue;
        painter.setFont(small);
        painter.setPen(style::muted());
        const qreal headerY = (a.embargoed || a.draft ? 15.5 : 12) * mm;
        const qreal left = kLeft * mm, width = (kPageWidth - kLeft - kRight) * mm;
        // A letter's first page is its letterhead: no running title.
        if (i > 0 || a.source.kind != QLatin1String("letter")) {
            painter.drawText(QRectF(left, headerY, width, 5 * mm), Qt::AlignLeft | Qt::AlignVCenter,
                             a.runningTitle);
            painter.setPen(QPen(style::rule(), 0.3 * mm));
            painter.drawLine(QPointF(left, headerY + 5.5 * mm),
                             QPointF(left + width, headerY + 5.5 * mm));
            painter.setPen(style::muted());
        }
        painter.drawText(QRectF(left, (kPageHeight - 14) * mm, width, 6 * mm), Qt::AlignCenter,
                         QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages));
    }
    painter.end();
    return pages;
}

Result<QByteArray> toPdf(Assembly& a)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QList<HeadingPlace> places;
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setTitle(a.runningTitle);
        writer.setCreator(QStringLiteral("Findings Workbench"));
        const int pages = paintPages(a, writer, &places);
        spdlog::debug("PDF of {}: {} pages", a.source.uid.toStdString(), pages);
    }
    // A PDF is complete when it starts with its header and ends with its trailer.
    if (buffer.data().size() < 100 || !buffer.data().startsWith("%PDF") ||
        !buffer.data().trimmed().endsWith("%%EOF"))
        return Error::make(Error::Code::Internal, u"the PDF could not be written"_s);
    return finishPdf(buffer.data(), {a.runningTitle, a.author}, places);
}

Result<QByteArray> finishPdf(const QByteArray& data, const PdfMetadata& metadata,
                             const QList<HeadingPlace>& headings)
{
    // libqpdf reports trouble by exceptions: they stop here and become an error.
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("document.pdf", data.constData(), size_t(data.size()));
        auto text = [](const QString& s) {
            return QPDFObjectHandle::newUnicodeString(s.toStdString());
        };
        QPDFObjectHandle root = pdf.getRoot();
        root.replaceKey("/Lang", text(metadata.language));
        root.replaceKey("/ViewerPreferences",
                        QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
        QPDFObjectHandle trailer = pdf.getTrailer();
        QPDFObjectHandle info = trailer.getKey("/Info");
        if (!info.isDictionary()) {
            info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
            trailer.replaceKey("/Info", info);
        }
        info.replaceKey("/Title", text(metadata.title));
        info.replaceKey("/Author", text(metadata.author));

        const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        if (!headings.isEmpty() && !pages.empty()) {
            // The outline: each heading under the last heading above it of a higher level.
            QPDFObjectHandle outlines =
                pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
            struct Node {
                QPDFObjectHandle item;
                int level;
                int children = 0;
                QPDFObjectHandle last;
            };
            std::vector<Node> stack{{outlines, 0}};
            const double pageHeight = kPageHeight * 72 / 25.4;
            for (const HeadingPlace& h : headings) {
                while (stack.size() > 1 && stack.back().level >= h.level) {
                    Node done = stack.back();
                    stack.pop_back();
                    if (done.children)
                        done.item.replaceKey("/Count",
                                             QPDFObjectHandle::newInteger(-done.children));
                }
                Node& parent = stack.back();
                const auto page = pages[size_t(std::clamp(h.page, 0, int(pages.size()) - 1))];
                QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
                item.replaceKey("/Title", text(h.text.simplified()));
                item.replaceKey("/Parent", parent.item);
                item.replaceKey("/Dest",
                                QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
                                    page.getObjectHandle(), QPDFObjectHandle::newName("/XYZ"),
                                    QPDFObjectHandle::newNull(),
                                    QPDFObjectHandle::newReal(pageHeight - h.top + 6, 1),
                                    QPDFObjectHandle::newNull()}));
                if (parent.children == 0) {
                    parent.item.replaceKey("/First", item);
                } else {
                    parent.last.replaceKey("/Next", item);
                    item.replaceKey("/Prev", parent.last);
                }
                parent.item.replaceKey("/Last", item);
                parent.last = item;
                ++parent.children;
                stack.push_back({item, h.level});
            }
            while (stack.size() > 1) {
                Node done = stack.back();
                stack.pop_back();
                if (done.children)
                    done.item.replaceKey("/Count", QPDFObjectHandle::newInteger(-done.children));
            }
            outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(stack.front().children));
            root.replaceKey("/Outlines", outlines);
            root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
        }
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.setStaticID(false);
        writer.write();
        std::shared_ptr<Buffer> out(writer.getBufferSharedPointer());
        return QByteArray(reinterpret_cast<const char*>(out->getBuffer()),
                          qsizetype(out->getSize()));
    } catch (const std::exception& e) {
        return Error::make(Error::Code::Internal,
                           QStringLiteral("the PDF could not be finished: %1")
                               .arg(QString::fromLocal8Bit(e.what())));
    }
}

bool canMakeTaggedPdf()
{
    return !QStandardPaths::findExecutable(u"soffice"_s).isEmpty();
}

Result<QByteArray> taggedPdfFromOdt(const QByteArray& odt)
{
    const QString soffice = QStandardPaths::findExecutable(u"soffice"_s);
    if (soffice.isEmpty())
        return Error::make(Error::Code::NotFound,
                           u"a tagged PDF is made by LibreOffice, which is not installed here "
                           u"(install libreoffice-writer-nogui)"_s);
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error::make(Error::Code::Internal, u"no temporary folder for the conversion"_s);
    QFile in(dir.filePath(u"document.odt"_s));
    if (!in.open(QIODevice::WriteOnly) || in.write(odt) != odt.size())
        return Error::make(Error::Code::Internal,
                           u"the ODT could not be written for LibreOffice"_s);
    in.close();
    QProcess p;
    // A profile of its own, so that a LibreOffice already open is not disturbed.
    p.start(soffice, {u"-env:UserInstallation="_s +
                          QUrl::fromLocalFile(dir.filePath(u"profile"_s)).toString(),
                      u"--headless"_s, u"--convert-to"_s,
                      u"pdf:writer_pdf_Export:{\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":"
                      u"\"true\"},\"ExportBookmarks\":{\"type\":\"boolean\",\"value\":\"true\"}}"_s,
                      u"--outdir"_s, dir.path(), in.fileName()});
    if (!p.waitForFinished(180000) || p.exitCode() != 0)
        return Error::make(Error::Code::Internal,
                           QStringLiteral("LibreOffice could not convert the document: %1")
                               .arg(QString::fromLocal8Bit(p.readAllStandardError()).trimmed()));
    QFile out(dir.filePath(u"document.pdf"_s));
    if (!out.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Internal, u"LibreOffice wrote no PDF"_s);
    return out.readAll();
}

} // namespace fwb::documents
