#pragma once
// Exporters. Each starts from an Assembly (see assembly.h):
//  - PDF: A4, laid out page by page with a running header, "Page N of M", the embargo notice at
//    the head of every page while it applies, contents with page numbers, charts as vectors.
//    The same painting serves printing and print preview (any QPagedPaintDevice).
//  - DOCX and ODT: written by the program with named styles, footnotes, page headers and footers
//    and charts as images with alternative text (docx.h, odt.h).
//  - HTML: one self-contained file, charts embedded as SVG.
//  - Markdown: headings, lists and tables; charts as a list of their values.

#include "documents/assembly.h"

#include <QByteArray>
#include <optional>

class QPagedPaintDevice;

namespace fwb::documents {

enum class Format { Pdf, Odt, Html, Markdown, Docx };

// "pdf", "odt", "docx", "html" (or "htm"), "md" (or "markdown"); nullopt for anything else.
std::optional<Format> formatFromName(const QString& name);
QString formatName(Format format);  // "pdf"
QString extension(Format format);   // ".pdf"
QString formatLabel(Format format); // "PDF document"

// Lays the document out on the device's pages and paints every one; returns the page count.
int paintPages(Assembly& assembly, QPagedPaintDevice& device);

Result<QByteArray> toPdf(Assembly& assembly);
Result<QByteArray> toOdt(const Assembly& assembly);  // odt.cpp
Result<QByteArray> toDocx(const Assembly& assembly); // docx.cpp
QByteArray toHtml(const Assembly& assembly);
QByteArray toMarkdown(const Assembly& assembly);
Result<QByteArray> render(Assembly& assembly, Format format);

// Assembles and writes one document to a file, atomically (nothing is left half-written).
// Refuses to write over the workbench itself.
Status renderToFile(const Workbench& workbench, const QString& documentUid, Format format,
                    const QString& path, const AssemblyOptions& options = {});

// A file name for a document: "lancashire-peel-effectiveness-2015-report.pdf", made of the slugs
// of its codes (io/filenames.h: fileSlug), so that no code or uid reaches a file name as it is.
QString suggestedFileName(const Document& document, Format format);
// File names for a batch: the suggested names, with the slug of the uid added where a force has
// more than one document of a kind, and a number where names would still meet (ignoring case),
// so that no file is written over another.
QStringList batchFileNames(const QList<Document>& documents, Format format);

} // namespace fwb::documents
