// A run split into shards, as machines would carry it, against the embedded target: the
// shards' parts merged equal the whole run in counts, their histograms are the bucket-wise sum,
// data rows are shared out once each across shards and their engine threads, shards of an
// open run send exactly the whole run's intended times between them, and a merge refuses what
// is not parts of one run.
#include "core/engine/LoadEngine.h"
#include "core/net/HttpProbe.h"
#include "core/report/ResultFile.h"
#include "core/report/ResultMerge.h"
#include "core/server/TargetServer.h"
#include "tests/common/BuildFlavour.h"
#include "tests/common/SameHistogram.h"
#include "tests/integration/CollectingSink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <set>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

struct ShardRun {
    RunReport report;
    std::vector<double> intendedMs; // of every request, from the shard's own start
};

// Shards 1…count of `plan` at once, each on its own LoadEngine as on its own machine, with
// the report as `stampede run --shard K/N` writes it.
std::vector<ShardRun> runShards(const Plan& plan, const std::string& url, int count) {
    std::vector<std::unique_ptr<LoadEngine>> engines;
    std::vector<std::shared_ptr<CollectingSink>> sinks;
    for (int k = 0; k < count; ++k) {
        engines.push_back(std::make_unique<LoadEngine>());
        sinks.push_back(std::make_shared<CollectingSink>(true));
        if (const auto error = engines.back()->start(plan, url, sinks.back(), {k, count}))
            qFatal("shard %d did not start: %s", k + 1, error->c_str());
    }
    std::vector<ShardRun> runs;
    for (int k = 0; k < count; ++k) {
        if (!engines[std::size_t(k)]->wait(60s))
            qFatal("shard %d did not end within a minute", k + 1);
        RunReport report = sinks[std::size_t(k)]->report().value();
        report.plan = plan;
        report.shardCount = count;
        report.shards = {k + 1};
        runs.push_back({std::move(report), sinks[std::size_t(k)]->intendedTimes()});
    }
    return runs;
}

std::vector<RunReport> reportsOf(const std::vector<ShardRun>& runs) {
    std::vector<RunReport> out;
    for (const ShardRun& run : runs)
        out.push_back(run.report);
    return out;
}

std::vector<std::string> names(std::size_t n) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i <= n; ++i)
        out.push_back("shard" + std::to_string(i) + ".json");
    return out;
}

RunReport merged(const std::vector<RunReport>& parts, bool force = false) {
    auto result = mergeResults(parts, names(parts.size()), force);
    if (auto* error = std::get_if<std::string>(&result))
        qFatal("the merge was refused: %s", error->c_str());
    return std::get<MergedRun>(std::move(result)).report;
}

std::string refusal(const std::vector<RunReport>& parts, bool force = false) {
    auto result = mergeResults(parts, names(parts.size()), force);
    const auto* error = std::get_if<std::string>(&result);
    return error ? *error : std::string("(merged)");
}

Plan closedPlan(int users, std::uint64_t iterations) {
    Plan plan;
    plan.load.users = users;
    plan.requestLimit = iterations;
    plan.duration = 30s; // a bound, should a run hang
    return plan;
}

} // namespace

class TestShards : public QObject {
    Q_OBJECT

    std::unique_ptr<TargetServer> target;

private slots:
    void init() { target = std::make_unique<TargetServer>(); }
    void cleanup() { target.reset(); }

    void mergedShardsEqualTheWholeRunInCounts() {
        const Plan plan = closedPlan(7, 700);
        const auto shards = runShards(plan, target->url(), 3);
        const RunReport all = merged(reportsOf(shards));

        LoadEngine engine;
        auto sink = std::make_shared<CollectingSink>();
        QVERIFY(!engine.start(plan, target->url(), sink));
        QVERIFY(engine.wait(60s));
        const RunReport whole = sink->report().value();

        QCOMPARE(all.final.requests, whole.final.requests);
        QCOMPARE(all.final.requests, 700u);
        QCOMPARE(all.final.completed, whole.final.completed);
        QCOMPARE(all.final.statusCounts, whole.final.statusCounts);
        QCOMPARE(all.final.requestLimit, std::optional<std::uint64_t>(700));
        QCOMPARE(all.shardCount, 3);
        QCOMPARE(all.shards, (std::vector<int>{1, 2, 3}));
        QCOMPARE(all.threads, 3);
        // 7 users in shards of 3, 2 and 2: each shard's part of the limit, remainders first.
        QCOMPARE(shards[0].report.final.requests, 234u);
        QCOMPARE(shards[1].report.final.requests, 233u);
        QCOMPARE(shards[2].report.final.requests, 233u);

        LatencyHistogram sum;
        std::uint64_t inRows = 0;
        for (const ShardRun& shard : shards)
            sum.merge(shard.report.final.latency);
        QVERIFY(sameHistogram(all.final.latency, sum));
        for (const TimeSeriesRow& row : all.timeSeries)
            inRows += row.completed;
        QCOMPARE(inRows, 700u);
        QCOMPARE(all.timeSeriesLatency.size(), all.timeSeries.size());
    }

    void dataRowsAreSharedOutOnceAcrossShardsAndThreads() {
        QTemporaryDir dir;
        const std::string csv = dir.filePath("names.csv").toStdString();
        {
            std::ofstream file(csv);
            file << "name\n";
            for (int i = 1; i <= 14; ++i)
                file << "row" << i << '\n';
        }
        Plan plan = closedPlan(6, 1000);
        plan.load.threads = 2;
        Step create;
        create.method = HttpMethod::Post;
        create.url = "/items";
        create.body = R"({"name":"{{name}}","user":{{user}}})";
        create.contentType = "application/json";
        create.expectStatus = "201";
        plan.steps = {create};
        plan.data.file = csv;
        plan.data.atEnd = DataSource::AtEnd::Stop;
        const RunReport all = merged(reportsOf(runShards(plan, target->url(), 3)));
        QCOMPARE(all.final.requests, 14u);
        QCOMPARE(all.final.errors, 0u);

        const auto reply = HttpProbe("127.0.0.1", target->port()).get("/items");
        const QJsonArray items =
            QJsonDocument::fromJson(QByteArray::fromStdString(reply.body)).array();
        std::multiset<QString> rows;
        std::set<int> users;
        for (const QJsonValue item : items) {
            rows.insert(item["name"].toString());
            users.insert(item["user"].toInt());
        }
        QCOMPARE(rows.size(), 14u);
        for (int i = 1; i <= 14; ++i)
            QCOMPARE(rows.count(QString("row%1").arg(i)), 1u);
        // Users are numbered across every shard and thread: 6 users, 6 numbers.
        QCOMPARE(users.size(), 6u);
        QCOMPARE(*users.begin(), 1);
        QCOMPARE(*users.rbegin(), 6);
    }

    void openShardsSendTheWholeRunsIntendedTimesBetweenThem() {
        Plan plan;
        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = 300;
        plan.load.maxInFlight = 60;
        plan.duration = 2s;
        const auto shards = runShards(plan, target->url(), 3);
        std::vector<double> intended;
        for (const ShardRun& shard : shards)
            intended.insert(intended.end(), shard.intendedMs.begin(), shard.intendedMs.end());
        std::sort(intended.begin(), intended.end());
        // Together they send at 300/s: the i-th send of the whole run at i/300 s, each once.
        // A ThreadSanitizer build on a busy machine may not reach the last sends in time; the
        // ones it did send still keep their places.
        QVERIFY2(intended.size() >= (kSanitizedBuild ? 450u : 590u) && intended.size() <= 600,
                 qPrintable(QString::number(intended.size())));
        // Each send sits on the whole run's grid of 1/300 s, and no place is taken twice; a
        // release build fills every place from the first on.
        std::set<long> places;
        for (std::size_t i = 0; i < intended.size(); ++i) {
            const long place = std::lround(intended[i] * 300.0 / 1000.0);
            QVERIFY2(std::abs(intended[i] - double(place) * 1000.0 / 300.0) < 0.01 && place >= 0 &&
                         place < 600 && places.insert(place).second,
                     qPrintable(QString("send %1 at %2 ms").arg(i).arg(intended[i])));
            if (!kSanitizedBuild)
                QCOMPARE(place, long(i));
        }
        const RunReport all = merged(reportsOf(shards));
        QCOMPARE(all.final.requests, intended.size());
        QCOMPARE(all.final.errors, 0u);
        QVERIFY(all.timeSeries.size() >= 2);
        QCOMPARE(all.timeSeries[0].targetRate, 300.0);
        QVERIFY2(all.timeSeries[0].completed >= 290,
                 qPrintable(QString::number(all.timeSeries[0].completed)));
    }

    void seriesLineUpOnTheWallClock() {
        auto parts = reportsOf(runShards(closedPlan(2, 200), target->url(), 2));
        // The second shard started 2.3 s after the first, say on a slower machine.
        parts[1].startedUtc = parts[0].startedUtc + 2300ms;
        const RunReport all = merged(parts);
        QCOMPARE(all.timeSeries.size(),
                 std::max(parts[0].timeSeries.size(), parts[1].timeSeries.size() + 2));
        // Its first second is the whole run's third; the seconds between are there, empty
        // where neither part ran.
        QCOMPARE(all.timeSeries[2].second, 3);
        QVERIFY(all.timeSeries[2].completed >= parts[1].timeSeries[0].completed);
        std::uint64_t inRows = 0;
        for (const TimeSeriesRow& row : all.timeSeries)
            inRows += row.completed;
        QCOMPARE(inRows, 200u);
        QVERIFY(all.final.elapsed >= 2300ms + parts[1].final.elapsed);
    }

    void theMergedFileReadsBackAsItWasMerged() {
        const RunReport all = merged(reportsOf(runShards(closedPlan(4, 400), target->url(), 2)));
        auto read = ResultFile::read(ResultFile::write(all));
        QVERIFY(std::holds_alternative<RunReport>(read));
        const RunReport& back = std::get<RunReport>(read);
        QCOMPARE(back.shards, all.shards);
        QCOMPARE(back.shardCount, 2);
        QCOMPARE(back.final.requests, 400u);
        QVERIFY(sameHistogram(back.final.latency, all.final.latency));
        QCOMPARE(ResultFile::write(back), ResultFile::write(all));
    }

    void whatIsNotPartsOfOneRunIsRefused() {
        const auto parts = reportsOf(runShards(closedPlan(4, 80), target->url(), 2));
        QVERIFY(refusal({parts[0]}).find("two or more") != std::string::npos);
        QCOMPARE(refusal({parts[0], parts[1], parts[0]}),
                 std::string("shard 1 of 2 is in both shard1.json and shard3.json: each shard "
                             "is merged once"));

        auto otherPlan = parts[1];
        otherPlan.plan.load.users = 8;
        QCOMPARE(refusal({parts[0], otherPlan}),
                 std::string("shard1.json and shard2.json ran different plans: plan.load.users "
                             "is 4 in shard1.json, 8 in shard2.json; --force merges them anyway"));
        QCOMPARE(merged({parts[0], otherPlan}, true).final.requests, 80u);

        auto wholeA = parts[0], wholeB = parts[1];
        wholeA.shardCount = wholeB.shardCount = 0;
        wholeA.shards.clear();
        wholeB.shards.clear();
        QVERIFY(refusal({wholeA, wholeB}).find("every file is a whole run") != std::string::npos);
        QCOMPARE(merged({wholeA, wholeB}, true).final.requests, 80u);
        QVERIFY(refusal({wholeA, wholeA}, true).find("is the same run as") != std::string::npos);

        auto ofThree = parts[1];
        ofThree.shardCount = 3;
        ofThree.shards = {2};
        QVERIFY(refusal({parts[0], ofThree}).find("a shard of 2, shard2.json of 3") !=
                std::string::npos);
    }

    void aMissingShardIsSaid() {
        const auto parts = reportsOf(runShards(closedPlan(3, 90), target->url(), 3));
        auto result = mergeResults({parts[0], parts[2]}, names(2), false);
        QVERIFY(std::holds_alternative<MergedRun>(result));
        const MergedRun& run = std::get<MergedRun>(result);
        QCOMPARE(run.report.shards, (std::vector<int>{1, 3}));
        QCOMPARE(run.notes, (std::vector<std::string>{"merged 2 of 3 shards; missing: 2"}));
    }
};

QTEST_GUILESS_MAIN(TestShards)
#include "tst_shards.moc"
