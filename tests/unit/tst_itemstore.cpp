// The REST resource's store: ids never repeat and nothing is lost when many threads create at
// once (the sync server's workers do), and it stays within its bounds.
#include "core/server/ItemStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <set>
#include <thread>

using namespace stampede;

class TestItemStore : public QObject {
    Q_OBJECT

private slots:
    void concurrentCreatesGetDistinctIdsAndAllAreKept() {
        ItemStore store;
        constexpr int kThreads = 4;
        constexpr int kEach = 500;
        std::vector<std::vector<std::uint64_t>> ids(kThreads);
        {
            std::vector<std::jthread> threads;
            for (int t = 0; t < kThreads; ++t)
                threads.emplace_back([&, t] {
                    for (int i = 0; i < kEach; ++i) {
                        auto created = store.create(R"({"by": )" + std::to_string(t) + "}");
                        ids[std::size_t(t)].push_back(std::get<ItemStore::Created>(created).id);
                        if (i % 5 == 0)
                            store.listJson(); // readers beside the writers
                    }
                });
        }
        std::set<std::uint64_t> all;
        for (const auto& mine : ids)
            all.insert(mine.begin(), mine.end());
        QCOMPARE(all.size(), std::size_t(kThreads * kEach));
        QCOMPARE(*all.begin(), 1u);
        QCOMPARE(*all.rbegin(), std::uint64_t(kThreads * kEach));
        QCOMPARE(store.size(), std::size_t(kThreads * kEach));
        const QJsonArray listed =
            QJsonDocument::fromJson(QByteArray::fromStdString(store.listJson())).array();
        QCOMPARE(listed.size(), kThreads * kEach);
    }
    void aFullStoreRefusesWithInsufficientStorage() {
        ItemStore store;
        for (std::size_t i = 0; i < ItemStore::kMaxItems; ++i)
            QVERIFY(std::holds_alternative<ItemStore::Created>(store.create("{}")));
        const auto refused = store.create("{}");
        QCOMPARE(std::get<ItemStore::Refusal>(refused).status, 507);
        QVERIFY(store.remove(1));
        QCOMPARE(std::get<ItemStore::Created>(store.create("{}")).id,
                 std::uint64_t(ItemStore::kMaxItems + 1)); // ids are never reused
    }
};

QTEST_GUILESS_MAIN(TestItemStore)
#include "tst_itemstore.moc"
