#pragma once
// The `fwb` command: every subcommand is a thin face over a core service. Exit codes: 0 success,
// 1 a failure of the system (disk, busy file), 2 a usage error, 3 bad input, 4 a save refused
// because someone else changed the record since the version given with --if-version; one line on
// stderr says what and where.

#include <QStringList>
#include <QTextStream>

namespace fwb::cli {

enum Exit { Ok = 0, Failure = 1, Usage = 2, BadInput = 3, Stale = 4 };

// args excludes the program name.
int run(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace fwb::cli
