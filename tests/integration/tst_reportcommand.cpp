// `stampede report` as CI runs it, without a display: a real run's result file becomes one
// HTML page, two become a comparison; a file that is not a result file and an -o that cannot be
// written exit 2 naming them, the latter before any work. The widget-free build says in one
// line that the command needs the full build.
#include "tests/common/StampedeProcess.h"
#include "tests/common/WrittenFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestReportCommand : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QString result;

private slots:
    void initTestCase() {
        // As on a CI machine: the command must find its own way to draw.
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qunsetenv("QT_QPA_PLATFORM");
        result = dir.filePath("run.json");
        const ProcessResult run =
            runStampede({"run", "-n", "300", "-c", "4", "--out", result}, 60000);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFile::exists(result));
    }

#ifdef STAMPEDE_WITH_GUI
    void aResultFileBecomesOnePageAndTwoAComparison() {
        const QString page = dir.filePath("report.html");
        const ProcessResult one = runStampede({"report", result, "-o", page}, 60000);
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        QFile file(page);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QCOMPARE(html.count("<svg"), 5);
        QVERIFY(!html.contains("<script"));

        const QString compare = dir.filePath("compare.html");
        const ProcessResult two = runStampede({"report", result, result, "-o", compare}, 60000);
        QVERIFY2(two.exitCode == 0, qPrintable(two.err));
        QFile compared(compare);
        QVERIFY(compared.open(QIODevice::ReadOnly));
        const QByteArray comparison = compared.readAll();
        QCOMPARE(comparison.count("<svg"), 3);
        QVERIFY(comparison.contains("run (2)")); // the same file twice, told apart
    }

    void badInputExitsTwoNamingTheFileAndField() {
        const QString notes = writtenFile(dir, "notes.json", "not json at all");
        const ProcessResult bad =
            runStampede({"report", notes, "-o", dir.filePath("x.html")}, 30000);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(notes + ": not a result file"), qPrintable(bad.err));
        QVERIFY(!QFile::exists(dir.filePath("x.html")));

        const QString future = writtenFile(dir, "future.json", "{\"stampede_result\": 2}");
        const ProcessResult newer =
            runStampede({"report", result, future, "-o", dir.filePath("y.html")}, 30000);
        QCOMPARE(newer.exitCode, 2);
        QVERIFY2(newer.err.contains(future + ": stampede_result: version 2"),
                 qPrintable(newer.err));

        // The output is checked first: with a bad result file too, -o is what is named.
        const ProcessResult unwritable =
            runStampede({"report", notes, "-o", dir.filePath("no/such/folder/r.html")}, 30000);
        QCOMPARE(unwritable.exitCode, 2);
        QVERIFY2(unwritable.err.contains("no/such/folder/r.html"), qPrintable(unwritable.err));
        QVERIFY(!unwritable.err.contains("notes.json"));

        QCOMPARE(runStampede({"report", result}, 30000).exitCode, 2); // no -o
        QCOMPARE(runStampede({"report", "-o", dir.filePath("z.html")}, 30000).exitCode, 2);
        QCOMPARE(runStampede({"report", result, result, result, result, result, "-o",
                              dir.filePath("z.html")},
                             30000)
                     .exitCode,
                 2);
    }
#else
    void theWidgetFreeBuildSaysReportNeedsTheFullBuild() {
        const ProcessResult r =
            runStampede({"report", result, "-o", dir.filePath("r.html")}, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("needs the full build"), qPrintable(r.err));
        QCOMPARE(r.err.count('\n'), 1);
    }
#endif

    void theTopLevelHelpListsReport() {
        const ProcessResult help = runStampede({"--help"}, 30000);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("report   one HTML page of a result file"));
    }
};

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
