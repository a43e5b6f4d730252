#include "core/io/textencoding.h"

#include <QStringDecoder>

namespace fwb::encoding {
namespace {
// Windows-1252 0x80–0x9F; 0 where the code page defines nothing.
constexpr char16_t kHigh[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

int toByte(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80 || (u >= 0xA0 && u <= 0xFF))
        return u;
    for (int i = 0; i < 32; ++i)
        if (kHigh[i] && kHigh[i] == u)
            return 0x80 + i;
    return -1;
}
} // namespace

QString fromWindows1252(const QByteArray& bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (b >= 0x80 && b < 0xA0)
            out += kHigh[b - 0x80] ? QChar(kHigh[b - 0x80]) : QChar::ReplacementCharacter;
        else
            out += QChar(char16_t(b));
    }
    return out;
}

Decoded decodeText(const QByteArray& bytes)
{
    QByteArray b = bytes;
    if (b.startsWith(kUtf8Bom))
        b.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8);
    Decoded d;
    d.text = utf8.decode(b);
    if (!utf8.hasError())
        return d;
    // UTF-8 with a stray byte is damaged UTF-8, not a legacy save: the bad bytes are marked.
    for (QChar c : std::as_const(d.text))
        if (c.unicode() >= 0x80 && c != QChar::ReplacementCharacter) {
            d.undefinedBytes = true;
            return d;
        }
    d.text = fromWindows1252(b);
    d.legacy = true;
    d.undefinedBytes = d.text.contains(QChar::ReplacementCharacter);
    return d;
}

bool fitsWindows1252(const QString& text)
{
    for (QChar c : text)
        if (toByte(c) < 0)
            return false;
    return true;
}

QByteArray toWindows1252(const QString& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (QChar c : text) {
        const int b = toByte(c);
        out += b < 0 ? '?' : char(b);
    }
    return out;
}

} // namespace fwb::encoding
