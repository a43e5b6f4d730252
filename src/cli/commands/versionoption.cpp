#include "cli/commands/versionoption.h"

using namespace Qt::StringLiterals;

namespace fwb::cli {

const QCommandLineOption& ifVersionOption()
{
    static const QCommandLineOption option(
        u"if-version"_s,
        u"Save only if the record is still at version N, as read; refused (exit code 4) when "
        "someone changed it since. Prints the new version."_s,
        u"N"_s);
    return option;
}

bool readIfVersion(const QCommandLineParser& p, IfVersion& out, QTextStream& err, int& code)
{
    out.reset();
    if (!p.isSet(ifVersionOption()))
        return true;
    const QString value = p.value(ifVersionOption()).trimmed();
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok || n < 1) {
        code = usage(err, QStringLiteral("--if-version: \"%1\" is not a version (a whole number "
                                         "from 1, as read from the record)")
                              .arg(value));
        return false;
    }
    out = n;
    return true;
}

int failSave(QTextStream& err, const Error& e)
{
    if (e.code != Error::Code::Stale)
        return fail(err, e);
    err << "fwb: " << e.message << Qt::endl;
    const QString now = e.detail.value(u"text"_s).toString();
    if (!now.isEmpty())
        err << "fwb: it now reads: " << QString(now).replace(u'\n', u' ').left(200) << Qt::endl;
    return Stale;
}

void printVersion(const QCommandLineParser& p, QTextStream& out, qint64 version)
{
    if (p.isSet(ifVersionOption()))
        out << "version " << version << Qt::endl;
}

} // namespace fwb::cli
