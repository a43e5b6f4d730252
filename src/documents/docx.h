#pragma once
// Word documents (Office Open XML, .docx) written by the program, from the same assembly as every
// other format (see flow.h), with libzip and QXmlStreamWriter: no word processor is needed.
//
// Every paragraph has a named style (Title, Heading 1–4, List Bullet, List Number, Caption, Note,
// Footnote Text, Table Heading, Table Text, toc 1–2…; see docxstyles.cpp); tables use the
// "Findings Table" style with their header rows repeated on every page (w:tblHeader); footnotes
// are Word footnotes; the running title is in the page header with, before the embargo, the
// embargo notice and, for a document that is not final, "DRAFT"; the footer says "Page N of M"
// (PAGE and NUMPAGES fields). Charts are PNG images drawn from their data, with alternative text
// written from the same data. Inserted and deleted text (Run::revision) are Word revisions.

#include "documents/flow.h"

#include "core/util/result.h"

#include <QByteArray>

namespace fwb::documents {

Result<QByteArray> toDocx(const Assembly& assembly);

namespace docx {

Result<QByteArray> write(const flow::Flow& flow);

// The parts of the package that do not depend on the text (docxstyles.cpp).
QByteArray styles();
QByteArray numbering(int numberedLists);
QByteArray settings(bool updateFields);

} // namespace docx
} // namespace fwb::documents
