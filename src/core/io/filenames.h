#pragma once
// Names of the files the program writes into a folder it is given (render --all-forces, Export
// All Forces, the factual accuracy pack). A name is built from a slug only, never from a code,
// uid or title as it is, and the joined path is checked to stay inside the folder.

#include "core/util/result.h"

#include <QString>

namespace fwb {

// A part of a file name made from any text: ASCII letters, digits, '-', '_' and single dots
// inside; accented letters lose their accents, every other run of characters becomes one '-'; no
// leading dot or '-', no trailing dot or '-', at most MaxSlugLength characters, never a device
// name of Windows (CON, NUL, COM1, …). Text that leaves nothing gives `fallback`. A code or uid
// made by the program, or following the code rule (domain/types.h), mostly comes through as it is.
constexpr int MaxSlugLength = 100;
QString fileSlug(const QString& text, const QString& fallback = QStringLiteral("file"));

// `folder`/`fileName` as an absolute path, provided fileName is one plain name (no '/', '\',
// "." or "..") and the path, symbolic links resolved, stays inside folder. Otherwise an Invalid
// error naming both.
Result<QString> pathInside(const QString& folder, const QString& fileName);

} // namespace fwb
