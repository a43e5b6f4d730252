#pragma once
// What a bound section of a letter or report shows, as HTML for the section editor: the findings
// of its question and the questions below, a judgment's grade and wording, a figure's metrics, the
// grade scale — read from the workbench as they stand.

#include "core/domain/types.h"

#include <QString>
#include <optional>

namespace fwb {
class Workbench;
}

namespace fwb::app {

QString sectionDataHtml(const Workbench& workbench, const Document& document,
                        const Section& section);

// A section as stored, without its children (nullopt: no such document or section).
std::optional<Section> storedSection(const Workbench& workbench, const QString& documentUid,
                                     const QString& sectionUid);

} // namespace fwb::app
