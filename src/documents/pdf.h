#pragma once
// The PDF's finishing, after Qt's writer has painted its pages (documents/pdf.cpp; paintPages and
// toPdf are declared in export.h). Qt writes neither bookmarks nor a document language nor an
// author; Debian's libqpdf adds them to the finished file:
//  - bookmarks (the outline) from the document's headings, nested by level, each opening its
//    page at the heading;
//  - /Lang en-GB, so that a screen reader reads the text as British English;
//  - title and author in the document information, the title shown in the viewer's title bar.
// The PDF is not tagged: Qt's writer has no structure tree (see docs/documents.md); a tagged PDF
// is made through LibreOffice from the ODT where it is installed (taggedPdfFromOdt).

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QPagedPaintDevice;

namespace fwb::documents {

struct Assembly;
struct HeadingPlace;

// paintPages (export.h), also telling where each heading is on the pages.
int paintPages(Assembly& assembly, QPagedPaintDevice& device, QList<HeadingPlace>* places);

// Where a heading is on the pages: the page (0-based) and its top, in points from the page's top.
struct HeadingPlace {
    QString text;
    int level = 1;
    int page = 0;
    double top = 0;
};

struct PdfMetadata {
    QString title, author, language = QStringLiteral("en-GB");
};

// The PDF with bookmarks, language and metadata added; the input as it was on any failure is
// never returned (the error says why).
Result<QByteArray> finishPdf(const QByteArray& pdf, const PdfMetadata& metadata,
                             const QList<HeadingPlace>& headings);

// Whether LibreOffice (soffice) is installed, for a tagged PDF.
bool canMakeTaggedPdf();
// A tagged PDF (PDF/UA structure, from the ODT's styles) converted by LibreOffice from the ODT.
Result<QByteArray> taggedPdfFromOdt(const QByteArray& odt);

} // namespace fwb::documents
