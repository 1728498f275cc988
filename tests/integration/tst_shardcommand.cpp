// Shards as machines run them, here as local processes against one `stampede serve`: each
// learns its part from --shard, from Slurm's variables or from a Kubernetes Indexed Job's,
// they start together at --start-at, and `stampede merge` adds their result files up to the
// whole run; what cannot be a shard is refused before anything is sent.
#include "core/report/ResultFile.h"
#include "tests/common/StampedeProcess.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <chrono>

using namespace stampede;

class TestShardCommand : public QObject {
    Q_OBJECT

    QProcess serve_;
    QString url_;
    QTemporaryDir dir_;

    // A shard's `stampede run`, started and left running, with `environment` added.
    std::unique_ptr<QProcess> startShard(const QStringList& args,
                                         const QMap<QString, QString>& environment) {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name :
             {"SLURM_PROCID", "SLURM_NTASKS", "JOB_COMPLETION_INDEX", "STAMPEDE_SHARDS"})
            env.remove(name);
        for (auto it = environment.begin(); it != environment.end(); ++it)
            env.insert(it.key(), it.value());
        process->setProcessEnvironment(env);
        process->start(STAMPEDE_BINARY, QStringList{"run", "--url", url_} + args);
        return process;
    }

private slots:
    void initTestCase() {
        serve_.start(STAMPEDE_BINARY, {"serve", "--duration", "120"});
        QVERIFY(serve_.waitForStarted(5000));
        while (!serve_.canReadLine() && serve_.waitForReadyRead(5000)) {
        }
        const auto match = QRegularExpression("listening on (http://\\S+)")
                               .match(QString::fromUtf8(serve_.readLine()));
        QVERIFY(match.hasMatch());
        url_ = match.captured(1);
    }
    void cleanupTestCase() {
        serve_.terminate();
        serve_.waitForFinished(5000);
    }

    void threeShardsFromFlagSlurmAndKubernetesMergeToTheWhole() {
        const auto startAt = QDateTime::currentDateTimeUtc().addMSecs(1500);
        const QString at = startAt.toString(Qt::ISODateWithMs);
        const QStringList common = {"-c", "6", "-n", "600", "-d", "30", "--start-at", at};
        std::vector<std::unique_ptr<QProcess>> shards;
        shards.push_back(startShard(
            common + QStringList{"--shard", "1/3", "--out", dir_.filePath("s1.json")}, {}));
        shards.push_back(startShard(common + QStringList{"--out", dir_.filePath("s2.json")},
                                    {{"SLURM_PROCID", "1"}, {"SLURM_NTASKS", "3"}}));
        shards.push_back(startShard(common + QStringList{"--out", dir_.filePath("s3.json")},
                                    {{"JOB_COMPLETION_INDEX", "2"}, {"STAMPEDE_SHARDS", "3"}}));
        for (std::size_t k = 0; k < shards.size(); ++k) {
            QVERIFY(shards[k]->waitForFinished(60000));
            const QString err = QString::fromUtf8(shards[k]->readAllStandardError());
            QVERIFY2(shards[k]->exitCode() == 0, qPrintable(err));
            QVERIFY2(err.contains(QString("Shard %1 of 3").arg(k + 1)), qPrintable(err));
        }
        std::vector<RunReport> parts;
        for (int k = 1; k <= 3; ++k) {
            auto read = ResultFile::readFile(dir_.filePath(QString("s%1.json").arg(k)));
            QVERIFY(std::holds_alternative<RunReport>(read));
            parts.push_back(std::get<RunReport>(std::move(read)));
            QCOMPARE(parts.back().shards, std::vector<int>{k});
            QCOMPARE(parts.back().final.requests, 200u);
            // Each waited for --start-at: none started before it, all within moments after.
            const auto late = parts.back().startedUtc -
                              std::chrono::system_clock::time_point(
                                  std::chrono::milliseconds(startAt.toMSecsSinceEpoch()));
            QVERIFY(late >= std::chrono::milliseconds(0));
            QVERIFY2(late < std::chrono::milliseconds(500),
                     qPrintable(QString::number(late.count() / 1e6) + " ms late"));
        }

        const QString all = dir_.filePath("all.json");
        const ProcessResult merge =
            runStampede({"merge", dir_.filePath("s1.json"), dir_.filePath("s2.json"),
                         dir_.filePath("s3.json"), "-o", all},
                        30000);
        QVERIFY2(merge.exitCode == 0, qPrintable(merge.err));
        QVERIFY2(merge.out.contains("Requests     600"), qPrintable(merge.out));
        QVERIFY2(merge.out.contains("3 of 3 shards merged"), qPrintable(merge.out));
        auto read = ResultFile::readFile(all);
        QVERIFY(std::holds_alternative<RunReport>(read));
        QCOMPARE(std::get<RunReport>(read).final.requests, 600u);
        QCOMPARE(std::get<RunReport>(read).shards, (std::vector<int>{1, 2, 3}));

        // The merged file compares like any other: against a shard, three times the requests.
        const ProcessResult compare = runStampede(
            {"compare", dir_.filePath("s1.json"), all, "--fail-if", "requests<+100%"}, 30000);
        QVERIFY2(compare.exitCode == 0, qPrintable(compare.out + compare.err));

        const ProcessResult twice =
            runStampede({"merge", dir_.filePath("s1.json"), dir_.filePath("s2.json"), all, "-o",
                         dir_.filePath("twice.json")},
                        30000);
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains("shard 1 of 3 is in both s1.json and all.json"),
                 qPrintable(twice.err));
    }

    void whatCannotBeAShardIsRefusedBeforeTheRun_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QString>("said");
        QTest::newRow("K above N")
            << QStringList{"--shard", "5/4"} << QStringList{} << "--shard: '5/4' is not K/N";
        QTest::newRow("zero") << QStringList{"--shard", "0/4"} << QStringList{} << "is not K/N";
        QTest::newRow("more shards than users") << QStringList{"-c", "2", "--shard", "1/3"}
                                                << QStringList{} << "cannot be split into 3 shards";
        QTest::newRow("index without count")
            << QStringList{} << QStringList{"JOB_COMPLETION_INDEX", "1"}
            << "set STAMPEDE_SHARDS to the Job's completions";
        QTest::newRow("slurm task beyond count")
            << QStringList{} << QStringList{"SLURM_PROCID", "4", "SLURM_NTASKS", "4"}
            << "SLURM_PROCID=4, SLURM_NTASKS=4";
        QTest::newRow("start time without zone")
            << QStringList{"--start-at", "2026-12-01T18:00:00"} << QStringList{}
            << "--start-at: '2026-12-01T18:00:00' is not a UTC time";
        QTest::newRow("start time a year ahead")
            << QStringList{"--start-at",
                           QDateTime::currentDateTimeUtc().addYears(1).toString(Qt::ISODate)}
            << QStringList{} << "is more than a day ahead";
    }
    void whatCannotBeAShardIsRefusedBeforeTheRun() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, environment);
        QFETCH(QString, said);
        QMap<QString, QString> env;
        for (qsizetype i = 0; i + 1 < environment.size(); i += 2)
            env.insert(environment[i], environment[i + 1]);
        auto process = startShard(args + QStringList{"-n", "10"}, env);
        QVERIFY(process->waitForFinished(30000));
        const QString err = QString::fromUtf8(process->readAllStandardError());
        QCOMPARE(process->exitCode(), 2);
        QVERIFY2(err.contains(said), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestShardCommand)
#include "tst_shardcommand.moc"
