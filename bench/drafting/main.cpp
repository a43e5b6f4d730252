// fwb-bench: builds synthetic national-scale workbenches (43 forces × 10 programmes × 40
// questions, with 100,000 and 1,000,000 findings; every programme is marked SYNTHETIC) and prints
// search latency through SearchService beside the same FTS5 statements run directly on the file
// (and the statement of the unpartitioned index), the findings view of one force and question,
// the analysis views and the Follow-up tab's first screen.
//
//   fwb-bench [--sizes 100000,1000000] [--dir DIR] [--runs N] [--keep] [--workbench FILE]
//             [--only search|analysis|followups]

#include "core/services/analysis.h"
#include "core/services/followups.h"
#include "core/services/search.h"
#include "core/storage/database.h"
#include "core/storage/searchindex.h"
#include "core/util/logging.h"
#include "core/workbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace fwb;

namespace {

constexpr int kProgrammes = 10;
constexpr int kTopQuestions = 4;
constexpr int kSubQuestions = 9; // 4 + 4 × 9 = 40 questions per programme

// Words of the demo findings with their frequencies: generated text reads (statistically) like
// inspection findings, so term frequencies and posting lists have a realistic shape.
struct Vocabulary {
    QStringList words;
    QList<quint64> cumulative;
    quint64 total = 0;

    static Vocabulary fromDemo()
    {
        static const QRegularExpression word(QStringLiteral("[A-Za-z][a-z']+"));
        QHash<QString, quint64> counts;
        for (const QString& file : Workbench::bundledDemoFiles()) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            for (const QJsonValue v : o.value(QStringLiteral("findings")).toArray())
                for (auto it = word.globalMatch(v[QStringLiteral("text")].toString());
                     it.hasNext();)
                    ++counts[it.next().captured(0).toLower()];
        }
        Vocabulary v;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            v.words << it.key();
            v.total += it.value();
            v.cumulative << v.total;
        }
        return v;
    }
    const QString& pick(QRandomGenerator& r) const
    {
        const quint64 x = r.bounded(total);
        const auto it = std::upper_bound(cumulative.cbegin(), cumulative.cend(), x);
        return words[int(it - cumulative.cbegin())];
    }
    QString sentence(QRandomGenerator& r, int n) const
    {
        QString s;
        for (int i = 0; i < n; ++i) {
            if (i)
                s += QLatin1Char(' ');
            s += pick(r);
        }
        s[0] = s[0].toUpper();
        return s + QLatin1Char('.');
    }
};

bool exec(sqlite3* db, const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::fprintf(stderr, "fwb-bench: %s: %s\n", sql, message ? message : "?");
        sqlite3_free(message);
        return false;
    }
    return true;
}

struct Stmt {
    sqlite3_stmt* s = nullptr;
    Stmt(sqlite3* db, const char* sql)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
            std::fprintf(stderr, "fwb-bench: cannot prepare %s: %s\n", sql, sqlite3_errmsg(db));
    }
    ~Stmt() { sqlite3_finalize(s); }
    void text(int i, const QByteArray& b)
    {
        sqlite3_bind_text(s, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
    }
    void integer(int i, qint64 v) { sqlite3_bind_int64(s, i, v); }
    bool step()
    {
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        return rc == SQLITE_DONE || rc == SQLITE_ROW;
    }
};

struct SyntheticPlace {
    qint64 force, question;
};

// Fills a fresh workbench with synthetic programmes, questions, judgments and `findings` findings.
bool populate(Workbench& wb, int findings, const Vocabulary& vocab, QList<SyntheticPlace>& places)
{
    sqlite3* db = wb.database().handle();
    QRandomGenerator r(20150901);
    if (!exec(db, "BEGIN IMMEDIATE"))
        return false;
    QList<qint64> forces;
    {
        Stmt s(db, "SELECT id FROM forces ORDER BY id");
        while (sqlite3_step(s.s) == SQLITE_ROW)
            forces << sqlite3_column_int64(s.s, 0);
    }
    Stmt programme(
        db, "INSERT INTO programmes(code, title, short_title, year, kind, grade_scale_id) VALUES "
            "(?, ?, ?, ?, 'peel', (SELECT id FROM grade_scales WHERE code = 'peel-four-point'))");
    Stmt question(db, "INSERT INTO questions(programme_id, parent_id, code, position, text, "
                      "graded) VALUES (?, ?, ?, ?, ?, ?)");
    Stmt judgment(db, "INSERT INTO judgments(force_id, question_id, grade_id, summary) VALUES "
                      "(?, ?, (SELECT g.id FROM grades g JOIN grade_scales s ON s.id = g.scale_id "
                      "WHERE s.code = 'peel-four-point' AND g.rank = ?), ?)");
    QList<qint64> allQuestions;
    for (int p = 0; p < kProgrammes; ++p) {
        const int year = 2016 + p;
        programme.text(1, QStringLiteral("synthetic-peel-%1").arg(year).toUtf8());
        programme.text(
            2,
            QStringLiteral("SYNTHETIC benchmark programme %1 (not real data)").arg(year).toUtf8());
        programme.text(3, QStringLiteral("SYNTHETIC %1").arg(year).toUtf8());
        programme.integer(4, year);
        if (!programme.step())
            return false;
        const qint64 pid = sqlite3_last_insert_rowid(db);
        for (int t = 1; t <= kTopQuestions; ++t) {
            question.integer(1, pid);
            sqlite3_bind_null(question.s, 2);
            question.text(3, QStringLiteral("Q%1").arg(t).toUtf8());
            question.integer(4, t);
            question.text(5, vocab.sentence(r, 8).toUtf8());
            question.integer(6, 1);
            if (!question.step())
                return false;
            const qint64 top = sqlite3_last_insert_rowid(db);
            allQuestions << top;
            for (const qint64 f : forces) {
                judgment.integer(1, f);
                judgment.integer(2, top);
                judgment.integer(3, 1 + r.bounded(4));
                judgment.text(4, vocab.sentence(r, 40).toUtf8());
                if (!judgment.step())
                    return false;
            }
            for (int s = 1; s <= kSubQuestions; ++s) {
                question.integer(1, pid);
                question.integer(2, top);
                question.text(3, QStringLiteral("Q%1.%2").arg(t).arg(s).toUtf8());
                question.integer(4, s);
                question.text(5, vocab.sentence(r, 10).toUtf8());
                question.integer(6, 0);
                if (!question.step())
                    return false;
                allQuestions << sqlite3_last_insert_rowid(db);
            }
        }
    }
    for (const qint64 f : forces)
        for (const qint64 q : allQuestions)
            places << SyntheticPlace{f, q};
    static const char* kinds[] = {"strength", "area_for_improvement", "cause_of_concern",
                                  "recommendation", "observation"};
    QHash<qint64, int> nextPosition; // by place index
    Stmt finding(db, "INSERT INTO findings(uid, force_id, question_id, kind, position, text) "
                     "VALUES (?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < findings; ++i) {
        const int at = int(r.bounded(places.size()));
        finding.text(1, QStringLiteral("synthetic-f-%1").arg(i).toUtf8());
        finding.integer(2, places[at].force);
        finding.integer(3, places[at].question);
        finding.text(4, kinds[r.bounded(5)]);
        finding.integer(5, ++nextPosition[at]);
        finding.text(6, vocab.sentence(r, 12 + int(r.bounded(30))).toUtf8());
        if (!finding.step())
            return false;
        if ((i + 1) % 100000 == 0) {
            if (!exec(db, "COMMIT") || !exec(db, "BEGIN IMMEDIATE"))
                return false;
            std::fprintf(stderr, "  %d findings written\n", i + 1);
        }
    }
    // Each force's figures for each year, like a report's "force in numbers": rates per 1,000
    // population that drift from year to year, with England and Wales beside them, so the force
    // profile reads series over ten years and region means as a real workbench would have them.
    struct Figure {
        const char* name;
        const char* unit;
        double base;
    };
    static const Figure figures[] = {
        {"Recorded crime (excluding fraud)", "per 1,000 population", 63},
        {"Victim-based crime", "per 1,000 population", 56},
        {"Sexual offences", "per 1,000 population", 1.6},
        {"Assault with injury", "per 1,000 population", 6.3},
        {"Burglary in a dwelling", "per 1,000 households", 8.4},
        {"Anti-social behaviour incidents", "per 1,000 population", 33},
        {"Victims satisfied with their whole experience with the police", "%", 84}};
    Stmt metric(db, "INSERT INTO metrics(uid, programme_id, force_id, figure, name, measure, "
                    "period, unit, force_value, "
                    "national_value, position) VALUES (?, (SELECT id FROM programmes WHERE year = "
                    "? AND code LIKE 'synthetic-%'), "
                    "?, 'Figure 2', ?, ?, ?, ?, ?, ?, ?)");
    QHash<QString, double> level; // by force and figure: this year's value
    for (int p = 0; p < kProgrammes; ++p) {
        const int year = 2016 + p;
        for (int k = 0; k < int(std::size(figures)); ++k) {
            const Figure& fig = figures[k];
            const double national = fig.base * (1.0 + 0.02 * p);
            for (const qint64 f : forces) {
                const QString key = QStringLiteral("%1/%2").arg(f).arg(k);
                double& v = level[key];
                v = p == 0 ? national * (0.6 + 0.8 * r.generateDouble())
                           : v * (0.94 + 0.12 * r.generateDouble());
                metric.text(
                    1, QStringLiteral("synthetic-m-%1-%2-%3").arg(year).arg(f).arg(k).toUtf8());
                metric.integer(2, year);
                metric.integer(3, f);
                metric.text(4, QByteArray(fig.name));
                metric.text(5, QByteArray(fig.unit[0] == '%' ? "Percentage" : "Rate"));
                metric.text(6, (fig.unit[0] == '%' ? QStringLiteral("12 months to 31 March %1")
                                                   : QStringLiteral("12 months to 30 June %1"))
                                   .arg(year)
                                   .toUtf8());
                metric.text(7, QByteArray(fig.unit));
                sqlite3_bind_double(metric.s, 8,
                                    std::round(std::min(v, fig.unit[0] == '%' ? 99.0 : 1e9) * 10) /
                                        10);
                sqlite3_bind_double(metric.s, 9, std::round(national * 10) / 10);
                metric.integer(10, k + 1);
                if (!metric.step())
                    return false;
            }
        }
    }
    // Each year's framework continues the year before's, question for question (as a framework
    // copied from last year's records), so the change view has something to compare.
    if (!exec(db, "UPDATE questions SET follows_id = (SELECT e.id FROM questions e JOIN programmes "
                  "ep ON ep.id = e.programme_id "
                  "JOIN programmes p ON p.id = questions.programme_id WHERE ep.year = p.year - 1 "
                  "AND e.code = questions.code)"))
        return false;
    return exec(db, "COMMIT") && exec(db, "PRAGMA optimize") &&
           exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
}

struct Stats {
    double p50 = 0, p95 = 0, max = 0;
};
Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms.isEmpty() ? 0.0 : ms[qMin<qsizetype>(ms.size() - 1, qsizetype(q * ms.size()))];
    };
    return {at(0.50), at(0.95), ms.isEmpty() ? 0.0 : ms.back()};
}

double elapsedMs(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

long peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    logging::init({QStringLiteral("fwb-bench"), false, false, 0});
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Drafting workspace benchmark on synthetic national-scale workbenches."));
    p.addHelpOption();
    const QCommandLineOption sizesOpt(QStringLiteral("sizes"),
                                      QStringLiteral("Finding counts, comma-separated."),
                                      QStringLiteral("N,N"), QStringLiteral("100000,1000000"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"),
                                    QStringLiteral("Where to build the workbenches."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs of each query."),
                                     QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"),
                                     QStringLiteral("Keep the workbenches."));
    const QCommandLineOption reuseOpt(QStringLiteral("workbench"),
                                      QStringLiteral("Measure this synthetic workbench (kept by an "
                                                     "earlier --keep) instead of building one."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption verboseOpt(QStringLiteral("verbose"),
                                        QStringLiteral("Print each query's times."));
    const QCommandLineOption onlyOpt(
        QStringLiteral("only"),
        QStringLiteral("Measure only this part: search, analysis or followups (default: all)."),
        QStringLiteral("PART"));
    p.addOptions({sizesOpt, dirOpt, runsOpt, keepOpt, reuseOpt, verboseOpt, onlyOpt});
    p.process(app);
    const QString only = p.value(onlyOpt);
    auto measure = [&](const char* part) { return only.isEmpty() || only == QLatin1String(part); };

    QTemporaryDir temp(p.isSet(dirOpt) ? p.value(dirOpt) + QStringLiteral("/fwb-bench-XXXXXX")
                                       : QString());
    temp.setAutoRemove(!p.isSet(keepOpt));
    const int runs = qMax(1, p.value(runsOpt).toInt());
    const Vocabulary vocab = Vocabulary::fromDemo();
    // One- to three-word queries an inspector would type, and the same words half-typed.
    const QStringList queries{QStringLiteral("victims"),
                              QStringLiteral("crime"),
                              QStringLiteral("missing children"),
                              QStringLiteral("domestic abuse"),
                              QStringLiteral("unattended crime reports"),
                              QStringLiteral("investigation"),
                              QStringLiteral("neighbourhood policing"),
                              QStringLiteral("anti social behaviour"),
                              QStringLiteral("supervision"),
                              QStringLiteral("vulnerable people"),
                              QStringLiteral("offenders"),
                              QStringLiteral("the force"),
                              QStringLiteral("investig"),
                              QStringLiteral("vulnera"),
                              QStringLiteral("organised crime groups")};

    std::printf("fwb-bench: SYNTHETIC workbenches, %d programmes x 43 forces x %d questions; %d "
                "runs per query\n",
                kProgrammes, kTopQuestions * (1 + kSubQuestions), runs);
    const QStringList sizes = p.isSet(reuseOpt)
                                  ? QStringList{QStringLiteral("0")}
                                  : p.value(sizesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& sizeText : sizes) {
        int size = sizeText.toInt();
        const QString path = p.isSet(reuseOpt)
                                 ? p.value(reuseOpt)
                                 : temp.filePath(QStringLiteral("synthetic-%1.fwb").arg(size));
        QElapsedTimer build;
        build.start();
        auto wb = p.isSet(reuseOpt) ? Workbench::open(path) : Workbench::create(path);
        if (!wb) {
            std::fprintf(stderr, "fwb-bench: %s\n", qPrintable(wb.error().message));
            return 1;
        }
        QList<SyntheticPlace> places;
        if (p.isSet(reuseOpt)) {
            size = int((*wb)->info().findings);
        } else if (!populate(**wb, size, vocab, places)) {
            return 1;
        }
        const double buildS = elapsedMs(build) / 1000;
        const double fileMb = double(QFileInfo(path).size()) / (1024 * 1024);

        // Each part runs `runs` times, or not at all when --only names another.
        const int searchRuns = measure("search") ? runs : -1;
        const int analysisRuns = measure("analysis") ? runs : 0;
        const int followRuns = measure("followups") ? runs : 0;
        // Search through the service (as the window and fwb do) and directly on the file.
        SearchService search((*wb)->database());
        sqlite3* direct = nullptr;
        sqlite3_open_v2(path.toUtf8().constData(), &direct, SQLITE_OPEN_READONLY, nullptr);
        // The same FTS5 statements the service runs, run directly: probes of the newest
        // programmes' partitions without ranking; then the newest candidates of those partitions,
        // or of the whole index, ranked, and the best 50 (SearchIndex and SearchService). Beside
        // them the statement of the unpartitioned index (what the service ran before the
        // partitions), and the exhaustive ranking of every match. The partitions, the newest
        // programme's first (SearchIndex::partitions), each with its probe and its ranked statement
        // (SearchIndex::newestMatchesSql).
        QList<int> partitions;
        {
            Stmt part(direct, "SELECT id % 16 FROM programmes GROUP BY id % 16 ORDER BY max(year) "
                              "DESC, max(id) DESC");
            while (sqlite3_step(part.s) == SQLITE_ROW)
                partitions << sqlite3_column_int(part.s, 0);
        }
        std::vector<std::unique_ptr<Stmt>> probes, rankedParts;
        for (const int k : partitions) {
            const QByteArray table = "search_p" + QByteArray::number(k);
            probes.push_back(std::make_unique<Stmt>(
                direct, QByteArray("SELECT count(*) FROM (SELECT rowid FROM " + table + " WHERE " +
                                   table + " MATCH ? ORDER BY rowid DESC LIMIT ?)")
                            .constData()));
            rankedParts.push_back(std::make_unique<Stmt>(
                direct, SearchIndex::newestMatchesSql(k).toUtf8().constData()));
        }
        Stmt raw(direct, "SELECT rid, r FROM (SELECT rowid AS rid, rank AS r FROM search_index "
                         "WHERE search_index MATCH ? "
                         "ORDER BY rowid DESC LIMIT 4001) ORDER BY r LIMIT 50");
        Stmt full(direct, "SELECT rowid, rank FROM search_index WHERE search_index MATCH ? ORDER "
                          "BY rank LIMIT 50");
        QList<double> wholeMs;
        QList<double> serviceMs, directMs, fullMs;
        qsizetype hits = 0;
        int complete = 0;
        for (int pass = 0; pass <= searchRuns; ++pass) {
            for (qsizetype qi = 0; qi < queries.size(); ++qi) {
                const QString& q = queries[qi];
                const QByteArray fts = (QStringLiteral("{title body} : (") +
                                        SearchService::ftsQuery(q) + QStringLiteral(")"))
                                           .toUtf8();
                // The three are run in turn, each first in a third of the runs, so that none
                // is always the one that warms the caches for the others.
                std::optional<Result<SearchResults>> result;
                double ms = 0, dms = 0, wms = 0;
                QElapsedTimer t;
                const std::function<void()> parts[] = {
                    [&] {
                        t.restart();
                        result = search.search(q, SearchFilter{{}, {}, {}, {}, 50});
                        ms = elapsedMs(t);
                    },
                    [&] {
                        t.restart();
                        QList<std::pair<int, int>> probed; // index into partitions, matches
                        int matches = 0;
                        for (int i = 0;
                             i < int(partitions.size()) && i < SearchService::kProbedPartitions;
                             ++i) {
                            Stmt& pr = *probes[i];
                            pr.text(1, fts);
                            pr.integer(2, SearchService::kRankedCandidates + 1 - matches);
                            const int n =
                                sqlite3_step(pr.s) == SQLITE_ROW ? sqlite3_column_int(pr.s, 0) : 0;
                            sqlite3_reset(pr.s);
                            probed.push_back({i, n});
                            matches += n;
                            if (matches > SearchService::kRankedCandidates ||
                                qsizetype(matches) * partitions.size() / (i + 1) <=
                                    SearchService::kRankedCandidates)
                                break;
                        }
                        QList<double> ranks;
                        if (matches > SearchService::kRankedCandidates) {
                            for (const auto& [i, n] : probed) {
                                Stmt& rk = *rankedParts[i];
                                rk.text(1, fts);
                                rk.integer(2, n);
                                while (sqlite3_step(rk.s) == SQLITE_ROW)
                                    ranks << sqlite3_column_double(rk.s, 1);
                                sqlite3_reset(rk.s);
                            }
                            std::sort(ranks.begin(), ranks.end());
                        } else {
                            raw.text(1, fts);
                            while (sqlite3_step(raw.s) == SQLITE_ROW) {
                            }
                            sqlite3_reset(raw.s);
                        }
                        dms = elapsedMs(t);
                    },
                    [&] {
                        t.restart();
                        raw.text(1, fts);
                        while (sqlite3_step(raw.s) == SQLITE_ROW) {
                        }
                        sqlite3_reset(raw.s);
                        wms = elapsedMs(t);
                    }};
                for (int k = 0; k < 3; ++k)
                    parts[(pass + qi + k) % 3]();
                if (!*result) {
                    std::fprintf(stderr, "fwb-bench: search \"%s\": %s\n", qPrintable(q),
                                 qPrintable(result->error().message));
                    return 1;
                }
                t.restart();
                if (pass == 1) { // the exhaustive ranking, once per query: it is slow
                    full.text(1, fts);
                    while (sqlite3_step(full.s) == SQLITE_ROW) {
                    }
                    sqlite3_reset(full.s);
                    fullMs << elapsedMs(t);
                }
                if (pass == 0)
                    continue; // warm-up
                if (p.isSet(verboseOpt))
                    std::printf(
                        "    %-28s service %7.2f ms  direct %7.2f ms  whole index %7.2f ms  "
                        "%s\n",
                        qPrintable(q), ms, dms, wms,
                        (*result)->complete ? "all ranked" : "newest ranked");
                complete += (*result)->complete ? 1 : 0;
                serviceMs << ms;
                directMs << dms;
                wholeMs << wms;
                hits += (*result)->hits.size();
            }
        }
        // Filtered search: one force in one programme, as the search pane's filters do.
        QList<double> filteredMs;
        for (int pass = 0; pass < searchRuns; ++pass)
            for (const QString& q : queries) {
                QElapsedTimer t;
                t.start();
                auto result = search.search(q, SearchFilter{QStringLiteral("synthetic-peel-2020"),
                                                            QStringLiteral("lancashire"),
                                                            {},
                                                            {},
                                                            50});
                filteredMs << elapsedMs(t);
                if (!result)
                    return 1;
            }
        // One programme, every force: the inspection in hand, read from its partition.
        QList<double> programmeMs;
        for (int pass = 0; pass < searchRuns; ++pass)
            for (const QString& q : queries) {
                QElapsedTimer t;
                t.start();
                auto result = search.search(
                    q, SearchFilter{QStringLiteral("synthetic-peel-2020"), {}, {}, {}, 50});
                programmeMs << elapsedMs(t);
                if (!result)
                    return 1;
            }
        sqlite3_close(direct);

        // The findings view of one force and question.
        QRandomGenerator r(7);
        const DraftRepository drafts = (*wb)->drafts();
        const auto forces = (*wb)->reference().forces();
        QList<double> viewMs;
        qsizetype rows = 0;
        for (int i = 0; i < qMax(0, searchRuns) * 20; ++i) {
            const Force& f = forces[int(r.bounded(forces.size()))];
            const QString programmeCode =
                QStringLiteral("synthetic-peel-%1").arg(2016 + int(r.bounded(kProgrammes)));
            const int top = 1 + int(r.bounded(kTopQuestions));
            const QString question =
                QStringLiteral("Q%1.%2").arg(top).arg(1 + int(r.bounded(kSubQuestions)));
            QElapsedTimer t;
            t.start();
            const QList<Finding> list = drafts.findings(programmeCode, f.code, question);
            viewMs << elapsedMs(t);
            rows += list.size();
        }

        // The judgment matrix of one programme (43 forces × its graded questions) and the grade
        // counts.
        QList<double> matrixMs, countsMs;
        for (int i = 0; i < analysisRuns * 5; ++i) {
            const QString programmeCode =
                QStringLiteral("synthetic-peel-%1").arg(2016 + i % kProgrammes);
            QElapsedTimer t;
            t.start();
            auto matrix = judgmentMatrix(**wb, programmeCode);
            matrixMs << elapsedMs(t);
            t.restart();
            auto counts = gradeCounts(**wb, programmeCode);
            countsMs << elapsedMs(t);
            if (!matrix || !counts)
                return 1;
        }
        QList<double> profileMs;
        qsizetype seriesPoints = 0, openShown = 0;
        for (int i = 0; i < analysisRuns * 2; ++i) {
            QElapsedTimer t;
            t.start();
            auto profile = forceProfile(**wb, forces[i % forces.size()].code);
            profileMs << elapsedMs(t);
            if (!profile)
                return 1;
            for (const FigureSeries& fs : profile->series)
                seriesPoints += fs.points.size();
            openShown += profile->stillOpen.items.size();
        }
        // The Follow-up tab: its first screen (the count of all and the first page, as the table
        // is reset), a page more as it scrolls, and the oldest 2,000 read at once as it read them
        // before it read by the page (followUpList, as the export and fwb followup list do).
        QList<double> followMs, screenMs, pageMs;
        int followTotal = 0;
        for (int i = 0; i < followRuns; ++i) {
            QElapsedTimer t;
            t.start();
            auto pages = FollowUpPages::open(**wb, {{}, {}, {}, true});
            if (!pages)
                return 1;
            auto first = pages->next(200);
            screenMs << elapsedMs(t);
            if (!first)
                return 1;
            for (int more = 0; more < 5; ++more) {
                t.restart();
                auto next = pages->next(200);
                pageMs << elapsedMs(t);
                if (!next)
                    return 1;
            }
            t.restart();
            auto list = followUpList(**wb, {{}, {}, {}, true, 2000});
            followMs << elapsedMs(t);
            if (!list)
                return 1;
            followTotal = pages->total();
        }
        QList<double> figureMs;
        for (int i = 0; i < analysisRuns * 5; ++i) {
            QElapsedTimer t;
            t.start();
            auto figure = figureAcrossForces(
                **wb, QStringLiteral("synthetic-peel-%1").arg(2016 + i % kProgrammes),
                QStringLiteral("Recorded crime (excluding fraud)"));
            figureMs << elapsedMs(t);
            if (!figure)
                return 1;
        }
        QList<double> changeMs;
        for (int i = 0; i < analysisRuns * 5; ++i) {
            const int year = 2017 + i % (kProgrammes - 1);
            QElapsedTimer t;
            t.start();
            auto change = changeView(**wb, QStringLiteral("synthetic-peel-%1").arg(year - 1),
                                     QStringLiteral("synthetic-peel-%1").arg(year));
            changeMs << elapsedMs(t);
            if (!change)
                return 1;
        }
        const Stats mx = stats(matrixMs), gc = stats(countsMs), fp = stats(profileMs),
                    cv = stats(changeMs), fa = stats(figureMs), fu = stats(followMs),
                    fsc = stats(screenMs), fpg = stats(pageMs), wh = stats(wholeMs),
                    sp = stats(programmeMs);

        const Stats s = stats(serviceMs), d = stats(directMs), fs = stats(filteredMs),
                    v = stats(viewMs), x = stats(fullMs);
        double load[1] = {0};
        getloadavg(load, 1); // other work on the machine shares its cores and slows every figure
        std::printf("\n%d findings  (built in %.1f s, file %.0f MB; load average %.1f on %ld "
                    "cores)\n",
                    size, buildS, fileMb, load[0], sysconf(_SC_NPROCESSORS_ONLN));
        // A line for each part measured (--only leaves the others out).
        auto line = [](const char* name, const QList<double>& samples, const Stats& st,
                       const QString& note) {
            if (samples.isEmpty())
                return;
            std::printf("  %-26s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   %s\n", name, st.p50,
                        st.p95, st.max, qPrintable(note));
        };
        const double perProfile = double(qMax<qsizetype>(1, profileMs.size()));
        line("search, service", serviceMs, s,
             QStringLiteral("(%1 hits/query)")
                 .arg(double(hits) / double(qMax<qsizetype>(1, serviceMs.size())), 0, 'f', 1));
        line("search, direct FTS5", directMs, d,
             QStringLiteral("(the same statements; service/direct p95: %1x)")
                 .arg(d.p95 > 0 ? s.p95 / d.p95 : 0.0, 0, 'f', 2));
        line("search, whole index", wholeMs, wh,
             QStringLiteral("(the statement before the partitions, run directly)"));
        line("exhaustive bm25", fullMs, x,
             QStringLiteral("(every match ranked; %1 of %2 searches ranked all)")
                 .arg(complete)
                 .arg(serviceMs.size()));
        line("search, one programme", programmeMs, sp, QStringLiteral("(its partition)"));
        line("search, one force", filteredMs, fs, QStringLiteral("(in one programme)"));
        line("findings view", viewMs, v,
             QStringLiteral("(%1 findings/view)")
                 .arg(double(rows) / double(qMax<qsizetype>(1, viewMs.size())), 0, 'f', 1));
        line("judgment matrix", matrixMs, mx, QStringLiteral("(one programme, 43 forces)"));
        line("grade counts", countsMs, gc, {});
        line("change view", changeMs, cv, QStringLiteral("(one year against the year before)"));
        line("force profile", profileMs, fp,
             QStringLiteral("(10 programmes; %1 series points and %2 open items each)")
                 .arg(double(seriesPoints) / perProfile, 0, 'f', 0)
                 .arg(double(openShown) / perProfile, 0, 'f', 0));
        line("follow-up tab, first screen", screenMs, fsc,
             QStringLiteral("(the count of all %1 open and the oldest 200)").arg(followTotal));
        line("follow-up tab, next page", pageMs, fpg,
             QStringLiteral("(200 more as the table scrolls)"));
        line("follow-up list, 2,000", followMs, fu,
             QStringLiteral("(followUpList: the oldest 2,000 at once, as before)"));
        line("figure, every force", figureMs, fa, QStringLiteral("(one figure of a programme)"));
        std::printf("  peak memory          %ld MB\n", peakRssMb());
        std::fflush(stdout);
    }
    return 0;
}
