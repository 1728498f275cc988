#include "core/plan/PlanValidation.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <sys/stat.h>

using namespace stampede;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::function<void(Plan&)>)

// The checks that catch what command-line flags lay over a plan; the JSON reader's own
// refusals are in tst_planjson.
class TestPlanValidation : public QObject {
    Q_OBJECT
private slots:
    void goodPlansPass_data() {
        QTest::addColumn<std::function<void(Plan&)>>("change");
        QTest::newRow("defaults") << std::function<void(Plan&)>([](Plan&) {});
        QTest::newRow("embedded target")
            << std::function<void(Plan&)>([](Plan& p) { p.url.clear(); });
        QTest::newRow("https with port and query")
            << std::function<void(Plan&)>([](Plan& p) { p.url = "https://[::1]:8443/a?b=c"; });
        // Connecting may be allowed longer than the whole request: libcurl then ends the
        // request at its timeout, which is what the person asked for.
        QTest::newRow("connect timeout above timeout") << std::function<void(Plan&)>([](Plan& p) {
            p.timeout = 1s;
            p.connectTimeout = 5s;
        });
        QTest::newRow("request limit only") << std::function<void(Plan&)>([](Plan& p) {
            p.duration.reset();
            p.requestLimit = 1;
        });
        QTest::newRow("stages only") << std::function<void(Plan&)>([](Plan& p) {
            p.duration.reset();
            p.load.stages = {{1s, 0}};
        });
        QTest::newRow("a readable CA certificate file")
            << std::function<void(Plan&)>([](Plan& p) { p.caCertFile = "/etc/passwd"; });
        QTest::newRow("h2c with prior knowledge") << std::function<void(Plan&)>([](Plan& p) {
            p.url = "http://127.0.0.1:8080/";
            p.httpVersion = HttpVersion::Http2PriorKnowledge;
        });
        QTest::newRow("timeout of a day")
            << std::function<void(Plan&)>([](Plan& p) { p.timeout = 24h; });
        QTest::newRow("open stage target above users limit")
            << std::function<void(Plan&)>([](Plan& p) {
                   p.load.model = LoadShape::Model::Open;
                   p.load.stages = {{1s, 500'000}};
               });
    }
    void goodPlansPass() {
        QFETCH(std::function<void(Plan&)>, change);
        Plan plan;
        change(plan);
        const auto problem = validatePlan(plan);
        QVERIFY2(!problem, problem ? problem->text().c_str() : "");
    }

    void aCaFileThatIsNoRegularFileIsRefusedWithoutOpeningIt() {
        // Opening a FIFO nobody writes to would hang the check (and the form that runs it).
        QTemporaryDir dir;
        const std::string fifo = dir.filePath("ca.pem").toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        Plan plan;
        plan.caCertFile = fifo;
        const auto problem = validatePlan(plan);
        QVERIFY(problem.has_value());
        QCOMPARE(problem->text(), "request.ca_cert_file: " + fifo + " is not a regular file");
    }
    void badPlansNameTheField_data() {
        QTest::addColumn<std::function<void(Plan&)>>("change");
        QTest::addColumn<QString>("text");
        const auto row = [](const char* name, std::function<void(Plan&)> change, const char* text) {
            QTest::newRow(name) << change << text;
        };
        row(
            "ftp", [](Plan& p) { p.url = "ftp://example.com/"; },
            "request.url: unsupported scheme ftp, use http or https");
        row(
            "missing CA certificate file", [](Plan& p) { p.caCertFile = "/nonexistent/ca.pem"; },
            "request.ca_cert_file: no such file: /nonexistent/ca.pem");
        row(
            "CA certificate folder", [](Plan& p) { p.caCertFile = "/etc"; },
            "request.ca_cert_file: /etc is a directory, not a PEM certificate file");
        row(
            "native with prior knowledge",
            [](Plan& p) {
                p.engine = Engine::Native;
                p.httpVersion = HttpVersion::Http2PriorKnowledge;
            },
            "request.engine: native cannot serve this plan: the plan asks for HTTP/2; choose auto "
            "or curl");
        row(
            "no scheme", [](Plan& p) { p.url = "localhost:8080"; },
            "request.url: must start with http:// or https://, not \"localhost:8080\"");
        row(
            "no host", [](Plan& p) { p.url = "http:///path"; },
            "request.url: has no host, e.g. http://127.0.0.1:8080/");
        row(
            "invalid url", [](Plan& p) { p.url = "http://exa mple.com/"; },
            "request.url: not a valid URL: ");
        row(
            "header name with space",
            [](Plan& p) {
                p.steps.front().headers = {{"X Bad", "v"}};
            },
            "scenario.steps[0].headers[0].name: \"X Bad\" is not a header name");
        row(
            "empty header name",
            [](Plan& p) {
                p.steps.front().headers = {{"A", "b"}, {"", "v"}};
            },
            "scenario.steps[0].headers[1].name: must not be empty");
        row(
            "header value smuggling a line",
            [](Plan& p) {
                p.steps.front().headers = {{"A", "b\r\nC: d"}};
            },
            "scenario.steps[0].headers[0].value: must be one line");
        row(
            "body and body file",
            [](Plan& p) {
                p.steps.front().body = "x";
                p.steps.front().bodyFile = "y";
            },
            "scenario.steps[0].body_file: give body or body_file, not both");
        row(
            "timeout zero", [](Plan& p) { p.timeout = 0ms; },
            "request.timeout_ms: must be a whole number of milliseconds from 1 to 86400000, not 0");
        row(
            "connect timeout over a day", [](Plan& p) { p.connectTimeout = 25h; },
            "request.connect_timeout_ms: must be a whole number of milliseconds from 1 to "
            "86400000, not 90000000");
        row(
            "negative redirects", [](Plan& p) { p.maxRedirects = -1; },
            "request.max_redirects: must be a whole number from 0 to 100, not -1");
        row(
            "users zero", [](Plan& p) { p.load.users = 0; },
            "load.users: must be a whole number from 1 to 100000, not 0");
        row(
            "users too many", [](Plan& p) { p.load.users = 100'001; }, "load.users: ");
        row(
            "negative think time", [](Plan& p) { p.load.thinkTime = -1ms; },
            "load.think_time_ms: ");
        row(
            "rate zero", [](Plan& p) { p.load.rate = 0; }, "load.rate: ");
        row(
            "rate too high", [](Plan& p) { p.load.rate = 1.5e7; },
            "load.rate: must be a number of requests per second above 0 and at most 10000000, "
            "not 15000000");
        row(
            "max in flight zero", [](Plan& p) { p.load.maxInFlight = 0; }, "load.max_in_flight: ");
        row(
            "threads zero", [](Plan& p) { p.load.threads = 0; }, "load.threads: ");
        row(
            "threads beyond any machine", [](Plan& p) { p.load.threads = 65; },
            "load.threads: must be a whole number from 1 to 64, not 65");
        row(
            "stage duration zero",
            [](Plan& p) {
                p.load.stages = {{1s, 1}, {0ms, 1}};
            },
            "load.stages[1].duration_s: must be a number of seconds from 0.001 to 31536000, not 0");
        row(
            "negative stage target",
            [](Plan& p) {
                p.load.stages = {{1s, -1}};
            },
            "load.stages[0].target: must be a number of users from 0 to 100000, not -1");
        row(
            "duration zero", [](Plan& p) { p.duration = 0ms; }, "stop.duration_s: ");
        row(
            "request limit zero", [](Plan& p) { p.requestLimit = 0; },
            "stop.requests: must be a whole number from 1 to 1000000000000, not 0");
        row(
            "never ends", [](Plan& p) { p.duration.reset(); },
            "stop: the run would never end: give stop.duration_s, stop.requests or load.stages");
        row(
            "bad threshold",
            [](Plan& p) {
                p.thresholds = {"p99<1s", "p99 = 1s"};
            },
            "thresholds[1]: expected <, <=, > or >= after p99");
    }
    void badPlansNameTheField() {
        QFETCH(std::function<void(Plan&)>, change);
        QFETCH(QString, text);
        Plan plan;
        change(plan);
        const auto problem = validatePlan(plan);
        QVERIFY(problem);
        QVERIFY2(QString::fromStdString(problem->text()).startsWith(text), problem->text().c_str());
    }
};

QTEST_APPLESS_MAIN(TestPlanValidation)
#include "tst_planvalidation.moc"
