#pragma once
// Every force's document of a kind, rendered into one folder: the one place that does it, for
// `fwb render --all-forces` and the window's Export Every Force's Document. One file at a time,
// each written whole or not at all (documents/export.h: renderToFile), under the names of
// batchFileNames, so that a run stopped part-way (cancelled, a full disk) leaves only complete
// documents behind and none written over another.

#include "documents/export.h"

#include <functional>

namespace fwb::documents {

struct BatchOptions {
    AssemblyOptions assembly;
    // Called before each document with its place in the run (0-based) and the count; returning
    // false stops the run there (a cancel button), with what was written kept.
    std::function<bool(int index, int total, const Document& document)> beforeEach;
    // Called with the path of each file once it is complete.
    std::function<void(const QString& path)> written;
};

struct BatchReport {
    int total = 0;       // documents of the kind in the programme
    QStringList written; // paths of the files written, each complete
    bool cancelled = false;
    // Why the run stopped early, and the uid of the document that could not be written.
    std::optional<Error> failure;
    QString failedUid;
};

// Renders every document of `kind` in `programme`, for every force, into `folder`, which must
// exist. Stops at the first document that cannot be written.
BatchReport renderEveryForce(const Workbench& workbench, const QString& programme,
                             const QString& kind, Format format, const QString& folder,
                             const BatchOptions& options = {});

} // namespace fwb::documents
