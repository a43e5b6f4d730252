// SaveScheduler: typing is saved when it rests, and no later than the deadline while it goes on
// without a pause; flush saves at once, cancel forgets. Short intervals stand in for the real ones.

#include "app/drafting/savescheduler.h"
#include "apptest.h"

#include <QElapsedTimer>
#include <QList>
#include <QTest>

using namespace fwb::app;

namespace {

// Calls edited() every `everyMs` for `forMs`, from the event loop.
void typeFor(SaveScheduler& s, int forMs, int everyMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < forMs) {
        s.edited();
        QTest::qWait(everyMs);
    }
}

} // namespace

TEST_CASE("SaveScheduler: typing without a pause is saved by the deadline, again and again",
          "[typing][scheduler]")
{
    QElapsedTimer clock;
    QList<qint64> saves;
    SaveScheduler s([&] { saves << clock.elapsed(); }, nullptr, 200, 500);
    CHECK(s.restMs() == 200);
    CHECK(s.maxWaitMs() == 500);
    clock.start();
    typeFor(s, 1800, 15); // never rests 200 ms
    // The deadline was set by the first keystroke and did not move: saved at about 0.5, 1.0, 1.5 s.
    QStringList at;
    for (qint64 t : saves)
        at << QString::number(t);
    INFO("saves at " << at.join(QStringLiteral(", ")).toStdString() << " ms");
    REQUIRE(saves.size() >= 3);
    CHECK(saves.front() >= 450);
    CHECK(saves.front() < 800);
    for (int i = 1; i < saves.size(); ++i)
        CHECK(saves[i] - saves[i - 1] < 800);
    CHECK(s.isPending()); // the last keystrokes wait for the rest
    const int during = int(saves.size());
    QTest::qWait(350);
    CHECK(saves.size() == during + 1); // then saved once
    CHECK_FALSE(s.isPending());
    QTest::qWait(600);
    CHECK(saves.size() == during + 1); // and nothing more without typing
    CHECK(s.saves() == during + 1);
}

TEST_CASE("SaveScheduler: a short burst is saved once after the rest, not at once",
          "[typing][scheduler]")
{
    int saves = 0;
    SaveScheduler s([&] { ++saves; }, nullptr, 150, 1000);
    s.edited();
    s.edited();
    CHECK(s.isPending());
    CHECK(saves == 0);
    QTest::qWait(60);
    CHECK(saves == 0);
    REQUIRE(fwb::apptest::eventually([&] { return saves == 1; }, 2000));
    QTest::qWait(1100); // the deadline was stopped by the save: it does not fire again
    CHECK(saves == 1);
}

TEST_CASE("SaveScheduler: flush saves what waits at once, cancel forgets it, and a save that "
          "flushes saves once",
          "[typing][scheduler]")
{
    int saves = 0;
    SaveScheduler* self = nullptr;
    SaveScheduler s([&] {
        ++saves;
        self->flush();  // a save whose reload flushes the editor again
        self->edited(); // and whose reload marks an edit: a new wait, not a second save now
    });
    self = &s;
    CHECK_FALSE(s.flush()); // nothing waits
    CHECK(saves == 0);
    s.edited();
    CHECK(s.flush());
    CHECK(saves == 1);
    CHECK(s.isPending()); // the edit made during the save
    s.cancel();
    CHECK_FALSE(s.isPending());
    CHECK_FALSE(s.flush());
    QTest::qWait(kSaveDelayMs + 200);
    CHECK(saves == 1);
}

TEST_CASE("SaveScheduler: a deadline shorter than the rest is the rest", "[typing][scheduler]")
{
    SaveScheduler s([] {}, nullptr, 300, 100);
    CHECK(s.maxWaitMs() == 300);
    CHECK(kSaveMaxWaitMs <= 1000); // the promise: at most the last second of typing
    CHECK(kSaveDelayMs < kSaveMaxWaitMs);
}
