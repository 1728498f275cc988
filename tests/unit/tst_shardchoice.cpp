#include "core/plan/ShardChoice.h"
#include "core/text/UtcTime.h"

#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

QProcessEnvironment environment(const QStringList& pairs) {
    QProcessEnvironment env;
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
        env.insert(pairs[i], pairs[i + 1]);
    return env;
}

} // namespace

class TestShardChoice : public QObject {
    Q_OBJECT
private slots:
    void choosesFromTheFlagThenSlurmThenKubernetes_data() {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("source");
        QTest::newRow("nothing") << "" << QStringList{} << 0 << 1 << "";
        QTest::newRow("flag") << "2/4" << QStringList{} << 1 << 4 << "--shard 2/4";
        QTest::newRow("flag beats slurm")
            << "3/4" << QStringList{"SLURM_PROCID", "0", "SLURM_NTASKS", "2"} << 2 << 4
            << "--shard 3/4";
        QTest::newRow("slurm") << "" << QStringList{"SLURM_PROCID", "1", "SLURM_NTASKS", "2"} << 1
                               << 2 << "SLURM_PROCID=1, SLURM_NTASKS=2";
        QTest::newRow("one slurm task is the whole run")
            << "" << QStringList{"SLURM_PROCID", "0", "SLURM_NTASKS", "1"} << 0 << 1
            << "SLURM_PROCID=0, SLURM_NTASKS=1";
        QTest::newRow("indexed job")
            << "" << QStringList{"JOB_COMPLETION_INDEX", "3", "STAMPEDE_SHARDS", "5"} << 3 << 5
            << "JOB_COMPLETION_INDEX=3, STAMPEDE_SHARDS=5";
        QTest::newRow("slurm beats an indexed job")
            << ""
            << QStringList{"SLURM_PROCID", "1", "SLURM_NTASKS", "2", "JOB_COMPLETION_INDEX", "0"}
            << 1 << 2 << "SLURM_PROCID=1, SLURM_NTASKS=2";
    }
    void choosesFromTheFlagThenSlurmThenKubernetes() {
        QFETCH(QString, flag);
        QFETCH(QStringList, env);
        QFETCH(int, index);
        QFETCH(int, count);
        QFETCH(QString, source);
        const auto chosen = chooseShard(flag, environment(env));
        const auto* shard = std::get_if<ShardChoice>(&chosen);
        QVERIFY2(shard, shard ? "" : std::get<std::string>(chosen).c_str());
        QCOMPARE(shard->share.index, index);
        QCOMPARE(shard->share.count, count);
        QCOMPARE(QString::fromStdString(shard->source), source);
    }

    void badShardsSayWhy_data() {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("why");
        for (const char* flag : {"4", "0/4", "5/4", "a/b", "1/0", "-1/4", "1/4/2", "/4", "1/"})
            QTest::newRow(flag) << flag << QStringList{} << "is not K/N";
        QTest::newRow("index, no count")
            << "" << QStringList{"JOB_COMPLETION_INDEX", "0"} << "set STAMPEDE_SHARDS";
        QTest::newRow("index past count")
            << "" << QStringList{"JOB_COMPLETION_INDEX", "5", "STAMPEDE_SHARDS", "5"}
            << "not an index below the shard count";
        QTest::newRow("slurm junk") << "" << QStringList{"SLURM_PROCID", "x", "SLURM_NTASKS", "2"}
                                    << "not a task index below the task count";
    }
    void badShardsSayWhy() {
        QFETCH(QString, flag);
        QFETCH(QStringList, env);
        QFETCH(QString, why);
        const auto chosen = chooseShard(flag, environment(env));
        const auto* error = std::get_if<std::string>(&chosen);
        QVERIFY(error);
        QVERIFY2(QString::fromStdString(*error).contains(why), error->c_str());
    }

    void utcTimesSayTheirZone() {
        const auto t = parseUtcTime("2026-12-01T18:00:00Z");
        QVERIFY(t);
        QCOMPARE(utcText(*t), QString("2026-12-01T18:00:00.000Z"));
        QCOMPARE(parseUtcTime("2026-12-01T19:00:00+01:00"), t);
        QCOMPARE(parseUtcTime("2026-12-01T18:00:00.250Z"), std::optional(*t + 250ms));
        QCOMPARE(parseUtcTime("1796148000"), t);
        QCOMPARE(parseUtcTime("1796148000.5"), std::optional(*t + 500ms));
        QVERIFY(!parseUtcTime("2026-12-01T18:00:00")); // whose 18:00?
        QVERIFY(!parseUtcTime("tomorrow"));
        QVERIFY(!parseUtcTime(""));
        QCOMPARE(utcText(*t, false), QString("2026-12-01T18:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestShardChoice)
#include "tst_shardchoice.moc"
