#pragma once
// Zip packages (OpenDocument, Office Open XML) read, written and rewritten with libzip. Qt's ODF
// writer writes every paragraph as <text:p>, headings included; LibreOffice's navigator and outline
// need <text:h> with an outline level, so the export rewrites content.xml inside the package Qt
// wrote.

#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace fwb::documents::package {

struct Entry {
    QString name;
    QByteArray bytes;
    bool stored = false; // kept as it is, not compressed (an OpenDocument's mimetype)
};

// A zip archive of these entries, in this order, written in memory.
Result<QByteArray> write(const QList<Entry>& entries);

// The bytes of one entry of a zip archive.
Result<QByteArray> read(const QByteArray& zip, const QString& entry);

// The names of every entry of a zip archive, in the archive's order.
Result<QStringList> entries(const QByteArray& zip);

// The archive with one entry's bytes replaced (the other entries copied as they are).
Result<QByteArray> replace(const QByteArray& zip, const QString& entry, const QByteArray& bytes);

// Turns the paragraphs of content.xml whose style is a key of `levels` ("p12" → 1) into headings
// of that outline level.
QByteArray outlineHeadings(const QByteArray& contentXml, const QHash<QString, int>& levels);

} // namespace fwb::documents::package
