// The application window, offscreen, fed by a real embedded target.
#include "core/net/HttpProbe.h"
#include "core/server/TargetServer.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/TargetPanel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace stampede;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void opensWithTitleIconMenusAndTargetUrl() {
        TargetServer target;
        MainWindow window;
        const QString url = QString::fromStdString(target.url());
        window.setTargetUrl(url);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(window.windowTitle(), QString("Stampede"));
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(!window.windowIcon().pixmap(64, 64).isNull()); // the SVG renders
        QVERIFY(window.findChild<QAction*>("actionQuit"));
        QVERIFY(window.findChild<QAction*>("actionAbout"));
        QCOMPARE(window.findChild<QAction*>("actionQuit")->shortcut(),
                 QKeySequence(QKeySequence::Quit));

        const auto labels = window.statusBar()->findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [&](QLabel* label) { return label->text().contains(url); }));
        QCOMPARE(window.targetPanel()->url(), url);
    }

    void targetPanelShowsWhatTheServerServed() {
        TargetServer target;
        MainWindow window;
        window.show();
        const HttpProbe probe(target.host(), target.port());
        probe.get("/");
        probe.get("/");
        probe.get("/status/503");
        probe.get("/reset");
        window.targetPanel()->showStats(target.stats());

        const auto* table = window.findChild<QTableWidget*>("targetStats");
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, 0)->text(), QString("/"));
        QCOMPARE(table->item(0, 1)->text(), QString("200"));
        QCOMPARE(table->item(0, 2)->text(), QString("2"));
        QCOMPARE(table->item(1, 1)->text(), QString("503"));
        QCOMPARE(table->item(2, 0)->text(), QString("/reset"));
        QCOMPARE(table->item(2, 1)->text(), QString("no response"));
        QVERIFY(window.targetPanel()->summary().contains("Requests served: 4"));

        // Later snapshots update the same rows rather than piling up new ones.
        probe.get("/");
        window.targetPanel()->showStats(target.stats());
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, 2)->text(), QString("3"));
    }

    void aboutOpensAndCloses() {
        MainWindow window;
        window.show();
        QString aboutText;
        QTimer::singleShot(0, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            aboutText = box->text();
            box->accept();
        });
        window.findChild<QAction*>("actionAbout")->trigger();
        QVERIFY(aboutText.contains("Stampede"));
    }

    void quitClosesTheWindow() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction*>("actionQuit")->trigger();
        QVERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
