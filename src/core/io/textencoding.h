#pragma once
// Text files from spreadsheet programs: UTF-8 with or without a byte-order mark, or — when a
// form is saved as plain "CSV" on Windows — the legacy Windows-1252 code page, in which curly
// quotes, dashes and the euro sign are single bytes (0x80–0x9F) that are not UTF-8.

#include <QByteArray>
#include <QString>

namespace fwb::encoding {

inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

struct Decoded {
    QString text;
    bool legacy = false; // read as Windows-1252
    // Bytes that are not text became U+FFFD: in Windows-1252, those it leaves undefined (0x81,
    // 0x8D, 0x8F, 0x90, 0x9D); in text that is UTF-8 elsewhere, the bytes that are not.
    bool undefinedBytes = false;
};

// UTF-8 when the bytes are UTF-8 (a leading byte-order mark dropped) or mostly are (the bad bytes
// marked); otherwise Windows-1252.
Decoded decodeText(const QByteArray& bytes);
// Windows-1252 bytes as text (undefined bytes as U+FFFD).
QString fromWindows1252(const QByteArray& bytes);
// Whether Windows-1252 can hold every character of the text.
bool fitsWindows1252(const QString& text);
// The text in Windows-1252, '?' for what it cannot hold (as a legacy "Save as CSV" writes it).
QByteArray toWindows1252(const QString& text);

} // namespace fwb::encoding
