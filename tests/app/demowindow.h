#pragma once
// The main window open on a fresh demo workbench in a temporary folder, with the errors it showed
// recorded: what most window tests start from.

#include "app/mainwindow.h"
#include "apptest.h"

#include <QSize>

namespace fwb::apptest {

struct DemoWindow {
    Scratch scratch;
    QString path = scratch.createFile(QStringLiteral("demo.fwb"));
    app::MainWindow window;
    QStringList errors;
    explicit DemoWindow(const QSize& size = {})
    {
        QObject::connect(&window, &app::MainWindow::errorShown,
                         [this](const QString& m) { errors << m; });
        if (size.isValid())
            window.resize(size);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.openWorkbench(path));
    }
};

} // namespace fwb::apptest
