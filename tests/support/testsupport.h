#pragma once
// Helpers shared by the tests: temporary workbenches, fixture files, file bytes.

#include "core/workbench.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace fwb::test {

// Path of a file under tests/fixtures.
QString fixture(const QString& relative);
QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);

// A temporary folder that holds workbenches for one test.
class Scratch {
public:
    Scratch();
    QString path(const QString& name) const;
    // Creates a workbench (reference data; with demo content when demo is true) and returns it
    // open.
    std::unique_ptr<Workbench> create(const QString& name, bool demo = false) const;

private:
    QTemporaryDir m_dir;
};

// The seed text with runs of white space folded to one space.
QString collapseWhitespace(const QString& s);

} // namespace fwb::test
