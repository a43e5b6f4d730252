#include "housecheck.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fwb::house {
namespace {

// Scans C++ text once: comments, string and character literals, raw strings. `visit` is told of
// each literal with its line.
template <class Visit> QString scan(const QString& text, bool blankStrings, Visit visit)
{
    QString out = text;
    const qsizetype n = text.size();
    int line = 1;
    auto blank = [&](qsizetype from, qsizetype to) {
        for (qsizetype k = from; k < to; ++k)
            if (out[k] != u'\n')
                out[k] = u' ';
    };
    auto countLines = [&](qsizetype from, qsizetype to) {
        for (qsizetype k = from; k < to; ++k)
            if (text[k] == u'\n')
                ++line;
    };
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        const QChar next = i + 1 < n ? text[i + 1] : QChar();
        if (c == u'\n') {
            ++line;
            ++i;
        } else if (c == u'/' && next == u'/') {
            qsizetype end = text.indexOf(u'\n', i);
            if (end < 0)
                end = n;
            blank(i, end);
            i = end;
        } else if (c == u'/' && next == u'*') {
            qsizetype end = text.indexOf(u"*/"_s, i + 2);
            end = end < 0 ? n : end + 2;
            blank(i, end);
            countLines(i, end);
            i = end;
        } else if (c == u'"') {
            // A raw string: R"delim( … )delim", the R possibly after u8, u, U or L.
            auto ident = [&](qsizetype k) {
                return k >= 0 && (text[k].isLetterOrNumber() || text[k] == u'_');
            };
            auto prefixEndsAt = [&](qsizetype k) { // u8R, uR, UR, LR or R, starting a token
                if (k < 0 || text[k] != u'R')
                    return false;
                if (!ident(k - 1))
                    return true;
                if ((text[k - 1] == u'u' || text[k - 1] == u'U' || text[k - 1] == u'L') &&
                    !ident(k - 2))
                    return true;
                return k >= 2 && text[k - 1] == u'8' && text[k - 2] == u'u' && !ident(k - 3);
            };
            const bool raw = prefixEndsAt(i - 1);
            if (raw) {
                const qsizetype open = text.indexOf(u'(', i + 1);
                if (open < 0)
                    break;
                const QString delimiter = u")"_s + text.mid(i + 1, open - i - 1) + u"\""_s;
                qsizetype close = text.indexOf(delimiter, open + 1);
                if (close < 0)
                    close = n;
                visit(line, text.mid(open + 1, close - open - 1));
                if (blankStrings)
                    blank(open + 1, close);
                const qsizetype end = qMin(n, close + delimiter.size());
                countLines(i, end);
                i = end;
                continue;
            }
            qsizetype k = i + 1;
            while (k < n && text[k] != u'"' && text[k] != u'\n') {
                if (text[k] == u'\\')
                    ++k;
                ++k;
            }
            visit(line, text.mid(i + 1, k - i - 1));
            if (blankStrings)
                blank(i + 1, k);
            countLines(i + 1, qMin(k, n));
            i = k + 1;
        } else if (c == u'\'') {
            // A digit separator (1'000'000) is not a character literal.
            if (i > 0 && text[i - 1].isDigit() && next.isLetterOrNumber()) {
                ++i;
                continue;
            }
            qsizetype k = i + 1;
            while (k < n && text[k] != u'\'' && text[k] != u'\n') {
                if (text[k] == u'\\')
                    ++k;
                ++k;
            }
            if (blankStrings)
                blank(i + 1, qMin(k, n));
            i = k + 1;
        } else {
            ++i;
        }
    }
    return out;
}

QString layerOf(const QString& relativePath)
{
    return relativePath.section(u'/', 0, 0);
}

int lineAt(const QString& text, qsizetype offset)
{
    return int(text.left(offset).count(u'\n')) + 1;
}

// The statements SQLite is asked to run start with one of these (upper case, as written here).
const QRegularExpression& sqlStart()
{
    static const QRegularExpression re(
        u"^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|END|"
        "ROLLBACK|SAVEPOINT|RELEASE|WITH|VACUUM|ATTACH|DETACH|ANALYZE|EXPLAIN|REINDEX)"
        "(\\s|;|$)"_s);
    return re;
}

// Running statements: the Query class, Qt SQL, SQLite's own calls and the raw script runner.
const QRegularExpression& sqlCall()
{
    static const QRegularExpression re(
        u"(\\bQuery\\s*[({]|\\bQuery\\s+[A-Za-z_]\\w*\\s*[({]|\\bQSql[A-Z]\\w*|\\bsqlite3_\\w+\\s*"
        u"\\(|"
        "\\bexecScript\\s*\\(|\\bexecValues\\s*\\(|[.>]exec\\s*\\(\\s*\\{)"_s);
    return re;
}

const QRegularExpression& includeLine()
{
    static const QRegularExpression re(u"^[ \\t]*#[ \\t]*include[ \\t]*([<\"])([^>\"]+)[>\"]"_s,
                                       QRegularExpression::MultilineOption);
    return re;
}

// Headers of Qt Widgets (and of the widget parts of Qt Print Support and Qt Charts).
const QSet<QString>& widgetHeaders()
{
    static const QSet<QString> names = [] {
        QSet<QString> s;
        for (const char* name : {"QAbstractButton",
                                 "QAbstractItemDelegate",
                                 "QAbstractItemView",
                                 "QAbstractScrollArea",
                                 "QAbstractSlider",
                                 "QAbstractSpinBox",
                                 "QApplication",
                                 "QBoxLayout",
                                 "QButtonGroup",
                                 "QCalendarWidget",
                                 "QChartView",
                                 "QCheckBox",
                                 "QColorDialog",
                                 "QColumnView",
                                 "QComboBox",
                                 "QCommandLinkButton",
                                 "QCompleter",
                                 "QDataWidgetMapper",
                                 "QDateEdit",
                                 "QDateTimeEdit",
                                 "QDial",
                                 "QDialog",
                                 "QDialogButtonBox",
                                 "QDockWidget",
                                 "QDoubleSpinBox",
                                 "QErrorMessage",
                                 "QFileDialog",
                                 "QFocusFrame",
                                 "QFontComboBox",
                                 "QFontDialog",
                                 "QFormLayout",
                                 "QFrame",
                                 "QGraphicsItem",
                                 "QGraphicsScene",
                                 "QGraphicsView",
                                 "QGridLayout",
                                 "QGroupBox",
                                 "QHBoxLayout",
                                 "QHeaderView",
                                 "QInputDialog",
                                 "QItemDelegate",
                                 "QKeySequenceEdit",
                                 "QLabel",
                                 "QLayout",
                                 "QLayoutItem",
                                 "QLCDNumber",
                                 "QLineEdit",
                                 "QListView",
                                 "QListWidget",
                                 "QMainWindow",
                                 "QMdiArea",
                                 "QMdiSubWindow",
                                 "QMenu",
                                 "QMenuBar",
                                 "QMessageBox",
                                 "QPlainTextEdit",
                                 "QPrintDialog",
                                 "QPrintPreviewDialog",
                                 "QPrintPreviewWidget",
                                 "QProgressBar",
                                 "QProgressDialog",
                                 "QPushButton",
                                 "QRadioButton",
                                 "QRubberBand",
                                 "QScrollArea",
                                 "QScrollBar",
                                 "QScroller",
                                 "QSizeGrip",
                                 "QSizePolicy",
                                 "QSlider",
                                 "QSpacerItem",
                                 "QSpinBox",
                                 "QSplashScreen",
                                 "QSplitter",
                                 "QStackedLayout",
                                 "QStackedWidget",
                                 "QStatusBar",
                                 "QStyle",
                                 "QStyleFactory",
                                 "QStyleOption",
                                 "QStylePainter",
                                 "QStyledItemDelegate",
                                 "QSystemTrayIcon",
                                 "QTabBar",
                                 "QTabWidget",
                                 "QTableView",
                                 "QTableWidget",
                                 "QTextBrowser",
                                 "QTextEdit",
                                 "QTimeEdit",
                                 "QToolBar",
                                 "QToolBox",
                                 "QToolButton",
                                 "QToolTip",
                                 "QTreeView",
                                 "QTreeWidget",
                                 "QTreeWidgetItem",
                                 "QUndoView",
                                 "QVBoxLayout",
                                 "QWhatsThis",
                                 "QWidget",
                                 "QWidgetAction",
                                 "QWizard",
                                 "QWizardPage",
                                 "QtWidgets"})
            s.insert(QString::fromLatin1(name));
        return s;
    }();
    return names;
}

bool isWidgetsInclude(const QString& header)
{
    if (header.startsWith(u"QtWidgets/"_s) || header == u"QtWidgets"_s)
        return true;
    const QString name = header.section(u'/', -1);
    return widgetHeaders().contains(name);
}

// Which layers a layer may include: its own and those below it.
bool includeAllowed(const QString& from, const QString& to)
{
    static const QHash<QString, QStringList> below{
        {u"core"_s, {u"core"_s}},
        {u"documents"_s, {u"documents"_s, u"core"_s}},
        {u"cli"_s, {u"cli"_s, u"documents"_s, u"core"_s}},
        {u"app"_s, {u"app"_s, u"documents"_s, u"core"_s}},
    };
    if (!below.contains(from) || !below.contains(to))
        return true; // not a layer of src/ (a system header, ui_… from uic)
    return below.value(from).contains(to);
}

// A face reaching a repository past the Reader: wb.reference(), wb->drafts(), wb.documents().…
const QRegularExpression& repositoryCall()
{
    static const QRegularExpression re(
        u"(\\.|->)\\s*(reference|drafts|review|followUps|audit)\\s*\\(\\s*\\)|(?<!reader\\(\\))(\\.|->)\\s*documents\\s*\\(\\s*\\)\\s*\\.\\s*[a-zA-Z_]\\w*\\s*\\("_s);
    return re;
}

QString excerpt(const QString& s)
{
    const QString line = s.simplified();
    return line.size() > 80 ? line.left(79) + u"…"_s : line;
}

} // namespace

QString ruleName(Rule rule)
{
    switch (rule) {
    case Rule::SqlOutsideStorage:
        return u"SQL outside core/storage"_s;
    case Rule::WidgetsInCore:
        return u"a Qt Widgets include in core or documents"_s;
    case Rule::IncludeUpwards:
        return u"an include upwards"_s;
    case Rule::FileTooLong:
        return u"a source file over %1 lines"_s.arg(kMaxLines);
    case Rule::FaceReachesStorage:
        return u"a face reading a repository, not the Reader"_s;
    }
    return {};
}

QString describe(const Violation& v)
{
    return u"src/%1:%2: %3: %4"_s.arg(v.file).arg(v.line).arg(ruleName(v.rule), v.text);
}

QStringList readerFaces()
{
    return {u"app"_s, u"cli"_s};
}

QString stripComments(const QString& text, bool blankStrings)
{
    return scan(text, blankStrings, [](int, const QString&) {});
}

QList<Literal> stringLiterals(const QString& text)
{
    QList<Literal> out;
    scan(text, false, [&](int line, const QString& s) { out.push_back({line, s}); });
    return out;
}

QList<Violation> checkFile(const QString& relativePath, const QString& text)
{
    QList<Violation> found;
    const QString layer = layerOf(relativePath);
    auto add = [&](int line, Rule rule, const QString& what) {
        found.push_back({relativePath, line, rule, excerpt(what)});
    };

    const int lines = int(text.count(u'\n')) + (text.endsWith(u'\n') || text.isEmpty() ? 0 : 1);
    if (lines > kMaxLines)
        add(kMaxLines + 1, Rule::FileTooLong, u"%1 lines"_s.arg(lines));

    const QString withStrings = stripComments(text, false);
    const QString code = stripComments(text, true);
    const bool storage = relativePath.startsWith(u"core/storage/"_s);

    for (auto it = includeLine().globalMatch(withStrings); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString header = m.captured(2);
        const int line = lineAt(withStrings, m.capturedStart());
        if ((layer == u"core"_s || layer == u"documents"_s) && m.captured(1) == u"<"_s &&
            isWidgetsInclude(header))
            add(line, Rule::WidgetsInCore, u"#include <%1>"_s.arg(header));
        if (m.captured(1) == u"\""_s && header.contains(u'/') &&
            !includeAllowed(layer, header.section(u'/', 0, 0)))
            add(line, Rule::IncludeUpwards, u"%1 includes \"%2\""_s.arg(layer, header));
        if (!storage && m.captured(1) == u"<"_s && header.startsWith(u"QSql"_s))
            add(line, Rule::SqlOutsideStorage, u"#include <%1>"_s.arg(header));
        if (!storage && header == u"core/storage/query.h"_s)
            add(line, Rule::SqlOutsideStorage, u"#include \"%1\""_s.arg(header));
    }

    if (!storage) {
        for (const Literal& l : stringLiterals(text))
            if (sqlStart().match(l.text).hasMatch())
                add(l.line, Rule::SqlOutsideStorage, u"\"%1\""_s.arg(l.text));
        // Includes are looked at above; the rest of the code for statements being run.
        QString body = code;
        for (auto it = includeLine().globalMatch(code); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            body.replace(m.capturedStart(), m.capturedLength(), QString(m.capturedLength(), u' '));
        }
        for (auto it = sqlCall().globalMatch(body); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const qsizetype start = m.capturedStart();
            const qsizetype lineStart = body.lastIndexOf(u'\n', start) + 1;
            qsizetype lineEnd = body.indexOf(u'\n', start);
            if (lineEnd < 0)
                lineEnd = body.size();
            add(lineAt(body, start), Rule::SqlOutsideStorage,
                withStrings.mid(lineStart, lineEnd - lineStart));
        }
    }

    if (readerFaces().contains(layer)) {
        for (auto it = repositoryCall().globalMatch(code); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            add(lineAt(code, m.capturedStart()), Rule::FaceReachesStorage, m.captured(0));
        }
    }
    return found;
}

QList<Violation> checkTree(const QString& srcDir)
{
    QList<Violation> found;
    QStringList files;
    QDirIterator it(srcDir, {u"*.cpp"_s, u"*.h"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    const QDir root(srcDir);
    for (const QString& path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        found += checkFile(root.relativeFilePath(path), QString::fromUtf8(f.readAll()));
    }
    return found;
}

} // namespace fwb::house
