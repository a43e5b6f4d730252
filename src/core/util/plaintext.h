#pragma once
// Plain text of the workbench's Markdown: what a reader sees on the page, without the markup
// (no "**", "_", "[^1]", "[text](url)", "# ", "- "). A list item starts with a bullet ("• "), a
// numbered item keeps its number, paragraphs are parted by a blank line and the lines of one
// paragraph are joined by a space. Footnote references and definitions are left out.
//
// Qt Core only, so that the response form (services/review.h) can hold what the force reads in
// the pack.

#include <QString>

namespace fwb {

QString markdownToPlain(const QString& markdown);

} // namespace fwb
