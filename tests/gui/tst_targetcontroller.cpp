// The target panel switches the embedded server between async and sync serving: the same
// port, a server that really holds a worker per request, and no switch while a run uses it.
#include "app/gui/TargetController.h"
#include "core/net/HttpProbe.h"
#include "tests/common/FindChild.h"
#include "ui/shell/TargetPanel.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QSpinBox>
#include <QTest>

#include <future>

using namespace stampede;
using namespace std::chrono_literals;

class TestTargetController : public QObject {
    Q_OBJECT

private slots:
    void switchesToSyncOnTheSamePortAndBack() {
        std::optional<TargetServer> target(std::in_place);
        const auto port = target->port();
        TargetPanel panel;
        bool busy = false;
        TargetController controller(target, &panel, [&] { return busy; });
        auto* mode = child<QComboBox>(panel, "targetMode");
        auto* workers = child<QSpinBox>(panel, "targetWorkers");
        auto* note = child<QLabel>(panel, "targetModeNote");
        QCOMPARE(mode->currentIndex(), 0);
        QVERIFY(!workers->isEnabled());

        workers->setValue(2);
        mode->setCurrentIndex(1);
        QCOMPARE(target->mode(), ServerMode::Sync);
        QCOMPARE(target->workers(), 2);
        QCOMPARE(target->port(), port);
        QVERIFY(workers->isEnabled());
        QVERIFY2(note->text().contains("2 workers"), qPrintable(note->text()));

        // Three requests of 300 ms on two workers: the third waits for a free one.
        QElapsedTimer clock;
        clock.start();
        std::vector<std::future<int>> replies;
        for (int i = 0; i < 3; ++i)
            replies.push_back(std::async(std::launch::async, [&] {
                return HttpProbe(target->host(), port).get("/delay/300").status;
            }));
        for (auto& reply : replies)
            QCOMPARE(reply.get(), 200);
        QVERIFY2(clock.elapsed() >= 590, qPrintable(QString::number(clock.elapsed())));

        // While a run uses the target, it stays as it is and the panel says why.
        busy = true;
        mode->setCurrentIndex(0);
        QCOMPARE(target->mode(), ServerMode::Sync);
        QCOMPARE(mode->currentIndex(), 1);
        QVERIFY2(note->text().contains("stop it first"), qPrintable(note->text()));

        busy = false;
        mode->setCurrentIndex(0);
        QCOMPARE(target->mode(), ServerMode::Async);
        QCOMPARE(target->port(), port);
        QCOMPARE(HttpProbe(target->host(), port).get("/").status, 200);
    }
};

QTEST_MAIN(TestTargetController)
#include "tst_targetcontroller.moc"
