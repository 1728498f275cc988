// Many clients at once, and a clean stop while connections are open.
#include "core/engine/LoadEngine.h"
#include "core/net/HttpProbe.h"
#include "core/server/TargetServer.h"
#include "tests/common/ThreadNames.h"
#include "tests/integration/CollectingSink.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <future>
#include <thread>

using namespace stampede;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

// One asynchronous GET on its own connection; all of them share the caller's io_context
// so N requests really are in flight at the same moment.
struct AsyncGet : std::enable_shared_from_this<AsyncGet> {
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    http::request<http::string_body> request;
    http::response<http::string_body> response;
    beast::error_code error;
    bool done = false;

    AsyncGet(asio::io_context& io, const std::string& target)
        : stream(io) {
        request = {http::verb::get, target, 11};
        request.set(http::field::host, "127.0.0.1");
    }
    void start(std::uint16_t port) {
        stream.expires_after(10s);
        stream.async_connect({asio::ip::make_address("127.0.0.1"), port},
                             [self = shared_from_this()](beast::error_code ec) {
                                 if (ec)
                                     return self->finish(ec);
                                 http::async_write(self->stream, self->request,
                                                   [self](beast::error_code ec, std::size_t) {
                                                       if (ec)
                                                           return self->finish(ec);
                                                       self->read();
                                                   });
                             });
    }
    void read() {
        http::async_read(
            stream, buffer, response,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->finish(ec); });
    }
    void finish(beast::error_code ec) {
        error = ec;
        done = true;
    }
};

int countThreadsNamed(const QString& name) {
    return int(threadNames().count(name));
}

int openFileDescriptors() {
    return int(QDir("/proc/self/fd")
                   .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)
                   .size());
}

} // namespace

class TestTargetConcurrency : public QObject {
    Q_OBJECT
private slots:
    void twoHundredDelayedRequestsRunConcurrently() {
        TargetServer server;
        asio::io_context io;
        std::vector<std::shared_ptr<AsyncGet>> gets;
        for (int i = 0; i < 200; ++i)
            gets.push_back(std::make_shared<AsyncGet>(io, "/delay/100"));
        QElapsedTimer clock;
        clock.start();
        for (auto& get : gets)
            get->start(server.port());
        io.run();
        const qint64 ms = clock.elapsed();
        for (const auto& get : gets) {
            QVERIFY(get->done);
            QVERIFY2(!get->error, get->error.message().c_str());
            QCOMPARE(get->response.result_int(), 200u);
        }
        // Sequentially this would take 20 s; concurrently it is one delay plus overhead.
        QVERIFY2(ms < 2000, qPrintable(QString("200 x /delay/100 took %1 ms").arg(ms)));
        qInfo("200 concurrent /delay/100 requests took %lld ms", ms);
        QCOMPARE(server.stats().count(Endpoint::Delay, 200), 200u);
        QCOMPARE(server.stats().connectionsAccepted, 200u);
    }

    void stopsCleanlyWithConnectionsOpen() {
        const int fdsBefore = openFileDescriptors();
        auto server = std::make_unique<TargetServer>();
        const std::uint16_t port = server->port();

        {
            // Clients in every state: stalled, dripping, delayed, idle keep-alive, mid-request.
            asio::io_context io;
            std::vector<std::shared_ptr<AsyncGet>> gets;
            for (const char* target : {"/stall", "/drip?bytes=100&ms=30000", "/delay/30000"})
                for (int i = 0; i < 20; ++i)
                    gets.push_back(std::make_shared<AsyncGet>(io, target));
            for (auto& get : gets)
                get->start(port);
            std::vector<asio::ip::tcp::socket> idle;
            for (int i = 0; i < 20; ++i) {
                idle.emplace_back(io);
                idle.back().connect({asio::ip::make_address("127.0.0.1"), port});
            }
            asio::write(idle.front(),
                        asio::buffer(std::string("GET / HTTP/1.1\r\nHo"))); // half a request
            std::jthread clients([&] { io.run(); }); // joins even if a check fails

            QTRY_COMPARE_WITH_TIMEOUT(server->stats().connectionsOpen, 80u, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(server->stats().requests >= 60u, 5000);

            QElapsedTimer clock;
            clock.start();
            server->stop();
            const qint64 stopMs = clock.elapsed();
            QVERIFY2(stopMs < 1000, qPrintable(QString("stop took %1 ms").arg(stopMs)));
            QCOMPARE(countThreadsNamed("target-io"), 0);
            QCOMPARE(server->stats().connectionsOpen, 0u);

            clients.join(); // every client saw its connection end: nothing hangs
            for (const auto& get : gets) {
                QVERIFY(get->done);
                QVERIFY(get->error);
            }
            for (auto& socket : idle) {
                char byte;
                boost::system::error_code ec;
                asio::read(socket, asio::buffer(&byte, 1), ec);
                QVERIFY(ec); // closed by the server
            }
        }
        server.reset(); // the client sockets and io_context are gone with the scope above
        QCOMPARE(openFileDescriptors(), fdsBefore);
    }

    void startAndStopRepeatedlyLeaksNothing() {
        const int fdsBefore = openFileDescriptors();
        for (int i = 0; i < 25; ++i) {
            TargetServer server;
            QCOMPARE(HttpProbe(server.host(), server.port()).get("/").status, 200);
        }
        QCOMPARE(openFileDescriptors(), fdsBefore);
        QCOMPARE(countThreadsNamed("target-io"), 0);
    }

    void statsAreReadableWhileServing() {
        // Readers on other threads while target-io writes: the TSan build checks this.
        TargetServer server;
        std::atomic<bool> stop{false};
        std::thread reader([&] {
            while (!stop.load())
                (void)server.stats().toJson();
        });
        auto load = std::async(std::launch::async, [&] {
            HttpProbe probe(server.host(), server.port());
            for (int i = 0; i < 300; ++i)
                probe.get(i % 2 ? "/" : "/status/503");
        });
        load.get();
        stop = true;
        reader.join();
        QCOMPARE(server.stats().count(Endpoint::Root, 200), 150u);
        QCOMPARE(server.stats().count(Endpoint::Status, 503), 150u);
    }

    // The course's Flask-versus-FastAPI lesson: the same 8 users against /delay/100. The sync
    // server holds a worker per request, so it serves near W / 0.1 s; the async one serves
    // everyone at once, near 8 / 0.1 s.
    void syncModeCapsThroughputNearWorkersOverServiceTime_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<double>("least");
        QTest::addColumn<double>("most");
        QTest::newRow("sync, 2 workers") << int(ServerMode::Sync) << 14.0 << 21.0;
        QTest::newRow("async") << int(ServerMode::Async) << 60.0 << 81.0;
    }
    void syncModeCapsThroughputNearWorkersOverServiceTime() {
        QFETCH(int, mode);
        QFETCH(double, least);
        QFETCH(double, most);
        TargetServer server({.mode = ServerMode(mode), .workers = 2});
        QCOMPARE(server.mode(), ServerMode(mode));
        LoadEngine engine;
        Plan plan;
        plan.load.users = 8;
        plan.duration = 2s;
        auto sink = std::make_shared<CollectingSink>();
        QVERIFY(!engine.start(plan, server.url() + "delay/100", sink));
        QVERIFY(engine.wait(20s));
        const RunReport report = sink->report().value();
        QCOMPARE(report.final.errors, 0u);
        const double rps = report.final.rps();
        qInfo("%s: %.1f req/s", QTest::currentDataTag(), rps);
        QVERIFY2(rps >= least && rps <= most, qPrintable(QString::number(rps)));
        if (ServerMode(mode) == ServerMode::Sync)
            QCOMPARE(server.workers(), 2);
    }
    void syncWorkersAreNamedAndStopMidDelay() {
        TargetServer server({.mode = ServerMode::Sync, .workers = 3});
        QTRY_VERIFY(threadNames().contains("target-worker-3"));
        // A worker held by a long delay lets go at once when the server stops.
        auto slow = std::async(std::launch::async, [&] {
            return HttpProbe(server.host(), server.port())
                .send({.target = "/delay/30000", .timeout = 60s});
        });
        QTRY_COMPARE(server.stats().connectionsOpen, 1u);
        QTest::qWait(100);
        QElapsedTimer clock;
        clock.start();
        server.stop();
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!slow.get().ok()); // the connection closed unanswered
    }
};

QTEST_GUILESS_MAIN(TestTargetConcurrency)
#include "tst_targetconcurrency.moc"
