#pragma once
// What every `fwb` subcommand shares: its table entry, option parsing with --help, and the one
// line on stderr that says what went wrong (with the exit code that goes with it).

#include "cli/cli.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTextStream>
#include <functional>
#include <memory>

namespace fwb {
class Workbench;
}

namespace fwb::cli {

struct Command {
    QString name;     // "finding", "render" …
    QString synopsis; // "render FILE --programme CODE …", shown in help and usage errors
    QString summary;  // one or two lines for `fwb --help`
    std::function<int(const QStringList& args, QTextStream& out, QTextStream& err)> run;
};

// The command tables, one per area; cli.cpp lists them all.
QList<Command> workbenchCommands(); // init, info, import, export
QList<Command> draftingCommands();  // finding, judgment, evidence, metric, search
QList<Command> frameworkCommands(); // programme, question, force, person
QList<Command> checkCommands();     // check
QList<Command> analysisCommands();  // ingest, judgments, summary
QList<Command> documentCommands();  // render, document, section
QList<Command> reviewCommands();    // review, diff
QList<Command> followUpCommands();  // followup
QList<Command> copyCommands();      // copy
// Prints "fwb: MESSAGE" and returns BadInput for bad data, Failure for the rest.
int fail(QTextStream& err, const Error& e);
// Prints "fwb: MESSAGE" and a hint, and returns Usage.
int usage(QTextStream& err, const QString& message);

// Parses a subcommand's options (args[0] is the command name). Returns false, with exitCode set,
// on a usage error or after printing --help. `positionals` counts the command name itself;
// `maxPositionals` > positionals allows optional trailing arguments.
bool parse(QCommandLineParser& p, const QStringList& args, const QString& synopsis, int positionals,
           QTextStream& out, QTextStream& err, int& exitCode, int maxPositionals = -1);

// Writes bytes to standard output in full, or says why not.
Status writeStdout(QTextStream& out, const QByteArray& bytes);
// Writes a command's output: to `path` atomically (saying so on `out`) or, when `path` is empty,
// to standard output. Returns the exit code.
int writeOutput(QTextStream& out, QTextStream& err, const QString& path, const QByteArray& bytes);

// Opens the workbench named by positional argument `at` to read, for a command that writes what it
// reports to -o: refused, as a usage error, when -o names the workbench itself. Null, with `code`
// set and the reason said, when it cannot be opened.
std::unique_ptr<Workbench> openToReport(const QCommandLineParser& p, int at,
                                        const QCommandLineOption& output, QTextStream& err,
                                        int& code);

// Text from --text, or from the file named by --text-file ("-" for standard input). False, with
// `code` set, when both are given or the file cannot be read or is not UTF-8.
bool readText(QCommandLineParser& p, const QCommandLineOption& text, const QCommandLineOption& file,
              QString& out, QTextStream& err, int& code);
// The time given by a --now option (YYYY-MM-DDTHH:MM), or now when it is not given.
Result<QDateTime> parseNow(QCommandLineParser& p, const QCommandLineOption& now);
// False, with a usage error in `code`, when one of the options is missing.
bool requireOptions(QCommandLineParser& p, const QList<const QCommandLineOption*>& options,
                    QTextStream& err, int& code);

// For a command with actions ("finding add|edit|…"): --help lists them, a missing or unknown one is
// a usage error naming them. Returns the exit code.
int unknownAction(QTextStream& out, QTextStream& err, const QString& command, const QString& action,
                  const QStringList& actions);
struct Action {
    QString name;
    std::function<int(const QStringList& args, QTextStream& out, QTextStream& err)> run;
};
// Runs the action args[1] names, or says which there are.
int dispatch(const QString& command, const QList<Action>& actions, const QStringList& args,
             QTextStream& out, QTextStream& err);

} // namespace fwb::cli
