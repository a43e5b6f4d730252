#pragma once
// --if-version N for the commands that edit a stored record: the save is made only when the record
// is still at version N (the version read), and is refused otherwise with exit code 4 (Stale),
// saying who changed it and when, and what it says now. A command given --if-version prints the
// new version after the record's name ("version N").

#include "cli/support.h"
#include "core/domain/types.h"

namespace fwb::cli {

const QCommandLineOption& ifVersionOption();
// The version given, or none; false (with a usage error in `code`) when it is not a whole number
// from 1.
bool readIfVersion(const QCommandLineParser& p, IfVersion& out, QTextStream& err, int& code);
// Prints the refusal of a save: a Stale one with what the record says now, exit code Stale;
// anything else as fail() does.
int failSave(QTextStream& err, const Error& e);
// After a save: "version N" when --if-version was given.
void printVersion(const QCommandLineParser& p, QTextStream& out, qint64 version);

} // namespace fwb::cli
