#include "documents/batch.h"

#include "core/io/filenames.h"
#include "core/reader.h"

#include <QDir>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::documents {

BatchReport renderEveryForce(const Workbench& workbench, const QString& programme,
                             const QString& kind, Format format, const QString& folder,
                             const BatchOptions& options)
{
    BatchReport report;
    const QList<Document> docs = workbench.reader().documentsOfKind(programme, kind);
    report.total = int(docs.size());
    const QStringList names = batchFileNames(docs, format);
    const QDir target(folder);
    for (int i = 0; i < report.total; ++i) {
        const Document& d = docs[i];
        if (options.beforeEach && !options.beforeEach(i, report.total, d)) {
            report.cancelled = true;
            break;
        }
        // The names are slugs; the check keeps any name from leading out of the folder.
        if (const auto inside = pathInside(target.path(), names[i]); !inside) {
            report.failure = inside.error();
            report.failedUid = d.uid;
            break;
        }
        const QString path = target.filePath(names[i]);
        if (Status s = renderToFile(workbench, d.uid, format, path, options.assembly); !s) {
            report.failure = s.error();
            report.failedUid = d.uid;
            break;
        }
        report.written << path;
        if (options.written)
            options.written(path);
    }
    spdlog::info("rendered every force's {} of {} as {}: {} of {} written{}", kind.toStdString(),
                 programme.toStdString(), formatName(format).toStdString(), report.written.size(),
                 report.total, report.cancelled ? " (cancelled)" : "");
    return report;
}

} // namespace fwb::documents
