#include "core/plan/CurlImport.h"

#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

using Headers = std::vector<HttpHeader>;
using Strings = std::vector<std::string>;

CurlImportResult imported(const char* command, const Plan& base = Plan{}) {
    auto result = importCurlCommand(command, base);
    if (!result.ok())
        qWarning("unexpected error: %s", result.error.c_str());
    return result;
}

} // namespace

class TestCurlImport : public QObject {
    Q_OBJECT
private slots:
    void devtoolsPasteWithContinuations() {
        const auto r = imported("curl 'https://api.example.com/v1/items?page=2' \\\n"
                                "  -H 'accept: application/json' \\\n"
                                "  -H 'accept-language: en-GB,en;q=0.9' \\\n"
                                "  -H 'content-type: application/json' \\\n"
                                "  -H 'cookie: sid=abc123' \\\n"
                                "  --data-raw '{\"name\":\"x\",\"tags\":[\"a\"]}' \\\n"
                                "  --compressed\n");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.url, std::string("https://api.example.com/v1/items?page=2"));
        QCOMPARE(r.plan.steps.front().method, HttpMethod::Post);
        QCOMPARE(r.plan.steps.front().contentType, std::string("application/json"));
        QCOMPARE(r.plan.steps.front().body, std::string("{\"name\":\"x\",\"tags\":[\"a\"]}"));
        const Headers expected{{"accept", "application/json"},
                               {"accept-language", "en-GB,en;q=0.9"},
                               {"cookie", "sid=abc123"},
                               {"Accept-Encoding", "gzip, deflate, br"}};
        QCOMPARE(r.plan.steps.front().headers, expected);
        QCOMPARE(r.ignored, Strings{});
    }
    void windowsLineEndingsContinueToo() {
        const auto r = imported("curl http://h/ \\\r\n  -H 'X-A: 1' \\\r\n  -k\r\n");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.steps.front().headers, (Headers{{"X-A", "1"}}));
        QVERIFY(!r.plan.verifyTls);
    }
    void quoting_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("body");
        QTest::newRow("single quotes are literal") << "curl -d 'a\\\"$b c' h"
                                                   << "a\\\"$b c";
        QTest::newRow("quote inside single quotes") << "curl -d 'it'\"'\"'s' h"
                                                    << "it's";
        QTest::newRow("double quote escapes") << "curl -d \"a \\\"b\\\" \\$H \\\\ \\`x\\`\" h"
                                              << "a \"b\" $H \\ `x`";
        QTest::newRow("other backslashes stay in double quotes") << "curl -d \"a\\nb\" h"
                                                                 << "a\\nb";
        QTest::newRow("backslash outside quotes") << "curl -d a\\ b\\'c h"
                                                  << "a b'c";
        QTest::newRow("adjacent parts make one word") << "curl -d pre'mid'\"post\" h"
                                                      << "premidpost";
        QTest::newRow("bash $'...'") << "curl --data-raw $'l1\\nl2\\x41\\'\\u00e9' h"
                                     << "l1\nl2A'\u00e9";
        QTest::newRow("empty word") << "curl -d '' h"
                                    << "";
        QTest::newRow("continuation inside double quotes") << "curl -d \"ab\\\ncd\" h"
                                                           << "abcd";
    }
    void quoting() {
        QFETCH(QString, command);
        QFETCH(QString, body);
        const auto r = imported(command.toUtf8().constData());
        QVERIFY(r.ok());
        QCOMPARE(QString::fromStdString(r.plan.steps.front().body), body);
        QCOMPARE(r.plan.url, std::string("http://h"));
        QCOMPARE(r.plan.steps.front().method, HttpMethod::Post);
    }
    void dataPartsJoinWithAmpersand() {
        const auto r = imported("curl -d a=1 --data b=2 --data-raw @c --data-ascii d=4 "
                                "--data-urlencode 'q=hello world&x' --data-urlencode '=a/b' "
                                "--data-urlencode plain example.com");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.url, std::string("http://example.com"));
        QCOMPARE(r.plan.steps.front().body,
                 std::string("a=1&b=2&@c&d=4&q=hello%20world%26x&a%2Fb&plain"));
        QCOMPARE(r.plan.steps.front().contentType,
                 std::string("application/x-www-form-urlencoded"));
        QCOMPARE(r.plan.steps.front().method, HttpMethod::Post);
    }
    void urlencodeFilesAreIgnored() {
        const auto r = imported("curl --data-urlencode @f.txt --data-urlencode n@g.txt "
                                "--data-urlencode a=b@c h");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.steps.front().body, std::string("a=b%40c"));
        QCOMPARE(r.plan.steps.front().bodyFile, std::string());
        QCOMPARE(r.ignored, (Strings{"--data-urlencode @f.txt", "--data-urlencode n@g.txt"}));
    }
    void getPutsDataInTheQuery() {
        const auto r = imported("curl -G -d a=1 -d 'b=x y' 'http://h/p?x=0#frag'");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.url, std::string("http://h/p?x=0&a=1&b=x y#frag"));
        QCOMPARE(r.plan.steps.front().method, HttpMethod::Get);
        QCOMPARE(r.plan.steps.front().body, std::string());
        QCOMPARE(r.plan.steps.front().contentType, std::string());
        QCOMPARE(imported("curl --get --data-urlencode 'q=a b' http://h/s").plan.url,
                 std::string("http://h/s?q=a%20b"));
    }
    void userBecomesBasicAuthorization() {
        const auto r = imported("curl -u alice:s3cret http://h/");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.steps.front().headers,
                 (Headers{{"Authorization", "Basic YWxpY2U6czNjcmV0"}}));
        QCOMPARE(imported("curl --user bob http://h/").ignored, Strings{"--user bob"});
        QCOMPARE(imported("curl --digest -u a:b http://h/").ignored,
                 (Strings{"--digest", "-u a:b"}));
    }
    void attachedValues() {
        const auto r = imported("curl -XPOST -H'X-A: 1' --header='X-B: 2' --header=X-C:3 "
                                "--url=http://h/x");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.steps.front().method, HttpMethod::Post);
        QCOMPARE(r.plan.url, std::string("http://h/x"));
        QCOMPARE(r.plan.steps.front().headers, (Headers{{"X-A", "1"}, {"X-B", "2"}, {"X-C", "3"}}));
        QCOMPARE(r.plan.steps.front().contentType, std::string());
        QCOMPARE(imported("curl -X delete h").plan.steps.front().method, HttpMethod::Delete);
        QCOMPARE(imported("curl -d x=1 -X PUT h").plan.steps.front().method, HttpMethod::Put);
        QCOMPARE(imported("curl -I h").plan.steps.front().method, HttpMethod::Head);
    }
    void combinedShortFlags() {
        const auto r = imported("curl -sSLk http://h/");
        QVERIFY(r.ok());
        QVERIFY(r.plan.followRedirects);
        QVERIFY(!r.plan.verifyTls);
        QCOMPARE(r.ignored, (Strings{"-s", "-S"}));
        const auto kL = imported("curl -kL -sXPUT http://h/");
        QVERIFY(kL.plan.followRedirects && !kL.plan.verifyTls);
        QCOMPARE(kL.plan.steps.front().method, HttpMethod::Put);
    }
    void tlsTrustAndHttp2PriorKnowledge() {
        const auto r = imported("curl --cacert /etc/ssl/test-ca.pem --http2-prior-knowledge "
                                "http://h:8080/");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.caCertFile, std::string("/etc/ssl/test-ca.pem"));
        QVERIFY(r.plan.verifyTls); // trusting a file is verifying, not skipping it
        QCOMPARE(r.plan.httpVersion, HttpVersion::Http2PriorKnowledge);
        QCOMPARE(r.ignored, Strings{});
        QCOMPARE(imported("curl --cacert=ca.pem https://h/").plan.caCertFile,
                 std::string("ca.pem"));
        // As in curl, the last version option wins.
        QCOMPARE(imported("curl --http2-prior-knowledge --http2 http://h/").plan.httpVersion,
                 HttpVersion::Http2);
        QCOMPARE(imported("curl --http2 --http2-prior-knowledge http://h/").plan.httpVersion,
                 HttpVersion::Http2PriorKnowledge);
        QCOMPARE(imported("curl --http2-prior-knowledge --http1.1 http://h/").plan.httpVersion,
                 HttpVersion::Http1_1);
    }
    void compressedAsksForBrowserEncodings() {
        const auto r = imported("curl --compressed http://h/");
        QCOMPARE(r.plan.steps.front().headers, (Headers{{"Accept-Encoding", "gzip, deflate, br"}}));
        const auto own = imported("curl -H 'Accept-Encoding: gzip' --compressed http://h/");
        QCOMPARE(own.plan.steps.front().headers, (Headers{{"Accept-Encoding", "gzip"}}));
    }
    void contentTypeHeaderMovesToContentType() {
        const auto r = imported("curl -H 'CONTENT-TYPE:  text/plain ' -d hi http://h/");
        QCOMPARE(r.plan.steps.front().contentType, std::string("text/plain"));
        QCOMPARE(r.plan.steps.front().headers, Headers{});
        QCOMPARE(r.plan.steps.front().body, std::string("hi"));
    }
    void jsonSetsItsHeaders() {
        const auto r = imported("curl --json '{\"a\":1}' http://h/");
        QCOMPARE(r.plan.steps.front().body, std::string("{\"a\":1}"));
        QCOMPARE(r.plan.steps.front().contentType, std::string("application/json"));
        QCOMPARE(r.plan.steps.front().headers, (Headers{{"Accept", "application/json"}}));
        QCOMPARE(r.plan.steps.front().method, HttpMethod::Post);
    }
    void atFileBecomesBodyFile() {
        const auto r = imported("curl --data-binary @payload.json "
                                "-H 'Content-Type: application/json' http://h/");
        QCOMPARE(r.plan.steps.front().bodyFile, std::string("payload.json"));
        QCOMPARE(r.plan.steps.front().body, std::string());
        QCOMPARE(r.plan.steps.front().method, HttpMethod::Post);
        QCOMPARE(imported("curl -d @form.txt h").plan.steps.front().bodyFile,
                 std::string("form.txt"));
        // A file among other parts, or standard input, cannot be sent as the plan's body.
        const auto mixed = imported("curl -d @a.txt -d b=1 h");
        QCOMPARE(mixed.plan.steps.front().bodyFile, std::string());
        QCOMPARE(mixed.plan.steps.front().body, std::string("b=1"));
        QCOMPARE(mixed.ignored, Strings{"-d @a.txt"});
        QCOMPARE(imported("curl -d @- h").ignored, Strings{"-d @-"});
    }
    void ignoredListsWhatIsNotMapped() {
        const auto r = imported("curl -s -o out.html -w '%{http_code}' --proxy http://p:3128 "
                                "--retry=3 --frobnicate -Z http://h/ http://other/");
        QVERIFY(r.ok());
        QCOMPARE(r.plan.url, std::string("http://h/"));
        const Strings expected{
            "-s",           "-o out.html", "-w %{http_code}", "--proxy http://p:3128", "--retry 3",
            "--frobnicate", "-Z",          "http://other/"};
        QCOMPARE(r.ignored, expected);
    }
    void headersCookiesAndFriends() {
        const auto r = imported("curl -A 'Agent/1' -e 'http://r/;auto' -b a=1 -b 'b=2' "
                                "-b jar.txt -H 'X-Empty;' -H 'Accept:' --oauth2-bearer t0k "
                                "http://h/");
        QVERIFY(r.ok());
        const Headers expected{{"User-Agent", "Agent/1"},
                               {"Referer", "http://r/"},
                               {"X-Empty", ""},
                               {"Authorization", "Bearer t0k"},
                               {"Cookie", "a=1; b=2"}};
        QCOMPARE(r.plan.steps.front().headers, expected);
        QCOMPARE(r.ignored, (Strings{"-b jar.txt", "-H Accept:"}));
    }
    void commandWordAndPrompt_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("url");
        QTest::newRow("prompt") << "$ curl http://h/a"
                                << "http://h/a";
        QTest::newRow("no curl, option first") << "-k http://h/a"
                                               << "http://h/a";
        QTest::newRow("no curl, url first") << "https://h/a -k"
                                            << "https://h/a";
        QTest::newRow("full path, no scheme") << "/usr/bin/curl h:8080/x"
                                              << "http://h:8080/x";
        QTest::newRow("after --") << "curl -k -- -odd"
                                  << "http://-odd";
    }
    void commandWordAndPrompt() {
        QFETCH(QString, command);
        QFETCH(QString, url);
        const auto r = imported(command.toUtf8().constData());
        QVERIFY(r.ok());
        QCOMPARE(QString::fromStdString(r.plan.url), url);
    }
    void errorsLeaveTheBaseUnchanged_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("blank") << "  \n\t"
                               << "empty";
        QTest::newRow("other program") << "wget http://h/"
                                       << "not a curl command: it starts with 'wget'";
        QTest::newRow("only curl") << "curl"
                                   << "no URL";
        QTest::newRow("no url") << "curl -H 'X: 1' -k"
                                << "no URL";
        QTest::newRow("single quote") << "curl 'http://h/"
                                      << "unbalanced single quote";
        QTest::newRow("double quote") << "curl -d \"a http://h/"
                                      << "unbalanced double quote";
        QTest::newRow("header without value") << "curl http://h/ -H"
                                              << "option -H needs a value";
        QTest::newRow("long option without value") << "curl http://h/ --data"
                                                   << "option --data needs a value";
        QTest::newRow("skipped option without value") << "curl http://h/ -o"
                                                      << "option -o needs a value";
        QTest::newRow("bad method") << "curl -X FETCH http://h/"
                                    << "unsupported method 'FETCH' in -X";
        QTest::newRow("non-numeric max time") << "curl -m soon http://h/"
                                              << "-m needs a number of seconds";
        QTest::newRow("bad connect timeout") << "curl --connect-timeout -1 http://h/"
                                             << "--connect-timeout needs a number";
        QTest::newRow("bad max-redirs") << "curl --max-redirs x http://h/"
                                        << "--max-redirs needs a whole number";
    }
    void errorsLeaveTheBaseUnchanged() {
        QFETCH(QString, command);
        QFETCH(QString, expected);
        Plan base;
        base.url = "http://base/";
        base.steps.front().body = "old";
        base.verifyTls = false;
        const auto r = importCurlCommand(command.toStdString(), base);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error).contains(expected), r.error.c_str());
        QCOMPARE(r.plan, base);
        QCOMPARE(r.ignored, Strings{});
    }
    void baseLoadAndStopFieldsArePreserved() {
        Plan base;
        base.name = "checkout";
        base.url = "http://old/";
        base.steps.front().method = HttpMethod::Patch;
        base.steps.front().headers = {{"X-Old", "1"}};
        base.steps.front().body = "old";
        base.load.model = LoadShape::Model::Open;
        base.load.rate = 500;
        base.load.users = 64;
        base.load.stages = {{10s, 900}};
        base.duration = 60s;
        base.requestLimit = 1000;
        base.thresholds = {"p99<250ms"};
        base.keepAlive = false;
        const auto r = importCurlCommand(
            "curl -m 2.5 --connect-timeout 1 --max-redirs 3 --http2 https://h/", base);
        QVERIFY(r.ok());
        QCOMPARE(r.plan.name, base.name);
        QCOMPARE(r.plan.load, base.load);
        QCOMPARE(r.plan.duration, base.duration);
        QCOMPARE(r.plan.requestLimit, base.requestLimit);
        QCOMPARE(r.plan.thresholds, base.thresholds);
        QCOMPARE(r.plan.keepAlive, false);
        QCOMPARE(r.plan.timeout, 2500ms);
        QCOMPARE(r.plan.connectTimeout, 1000ms);
        QCOMPARE(r.plan.maxRedirects, 3);
        QCOMPARE(r.plan.httpVersion, HttpVersion::Http2);
        // The request itself is the command's, whole.
        QCOMPARE(r.plan.url, std::string("https://h/"));
        QCOMPARE(r.plan.steps.front().method, HttpMethod::Get);
        QCOMPARE(r.plan.steps.front().headers, Headers{});
        QCOMPARE(r.plan.steps.front().body, std::string());
        // Transport settings the command does not mention stay as they were.
        base.httpVersion = HttpVersion::Http2;
        base.verifyTls = false;
        const auto plain = importCurlCommand("curl --http1.1 https://h/", base);
        QCOMPARE(plain.plan.httpVersion, HttpVersion::Http1_1);
        QVERIFY(!plain.plan.verifyTls);
        QCOMPARE(plain.plan.timeout, base.timeout);
    }
    // Several commands make a flow: each request a step, on the first one's origin as the
    // base URL, so the flow moves to another server with one edit.
    void severalCommandsMakeSteps_data() {
        QTest::addColumn<QString>("script");
        QTest::newRow("one a line") << "curl -X POST http://127.0.0.1:8080/items -d a=1\n"
                                       "curl http://127.0.0.1:8080/items/1\n"
                                       "curl -X DELETE https://other.example/x\n";
        QTest::newRow("continued lines") << "curl -X POST \\\n  http://127.0.0.1:8080/items \\\n"
                                            "  -d a=1\ncurl http://127.0.0.1:8080/items/1\n"
                                            "$ curl -X DELETE https://other.example/x";
        QTest::newRow("and and semicolons") << "curl -X POST http://127.0.0.1:8080/items -d a=1 && "
                                               "curl http://127.0.0.1:8080/items/1; curl -X "
                                               "DELETE https://other.example/x";
        QTest::newRow("blank lines, joined lines")
            << "curl -X POST http://127.0.0.1:8080/items\n  -d a=1\n\n"
               "http://127.0.0.1:8080/items/1\n\n  -X DELETE https://other.example/x\n\n";
    }
    void severalCommandsMakeSteps() {
        QFETCH(QString, script);
        Plan base;
        base.load.users = 42;
        const auto r = importCurlCommands(script.toStdString(), base);
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.plan.url, std::string("http://127.0.0.1:8080"));
        QCOMPARE(r.plan.steps.size(), std::size_t(3));
        QCOMPARE(r.plan.steps[0].method, HttpMethod::Post);
        QCOMPARE(r.plan.steps[0].url, std::string("/items"));
        QCOMPARE(r.plan.steps[0].body, std::string("a=1"));
        QCOMPARE(r.plan.steps[0].contentType, std::string("application/x-www-form-urlencoded"));
        QCOMPARE(r.plan.steps[1].method, HttpMethod::Get);
        QCOMPARE(r.plan.steps[1].url, std::string("/items/1"));
        QCOMPARE(r.plan.steps[1].body, std::string());
        QCOMPARE(r.plan.steps[2].method, HttpMethod::Delete);
        QCOMPARE(r.plan.steps[2].url, std::string("https://other.example/x"));
        QCOMPARE(r.plan.load.users, 42);
    }
    void quotedSeparatorsStayInTheirWords() {
        const auto r =
            importCurlCommands("curl 'http://h/a;b' -H 'Accept-Language: en;q=0.9' -d 'x && y'\n"
                               "curl \"http://h/c?a=1&b=2\" && curl http://h/d?e=1&f=2",
                               Plan{});
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.plan.steps.size(), std::size_t(3));
        QCOMPARE(r.plan.url, std::string("http://h"));
        QCOMPARE(r.plan.steps[0].url, std::string("/a;b"));
        QCOMPARE(r.plan.steps[0].headers, (Headers{{"Accept-Language", "en;q=0.9"}}));
        QCOMPARE(r.plan.steps[0].body, std::string("x && y"));
        QCOMPARE(r.plan.steps[1].url, std::string("/c?a=1&b=2"));
        QCOMPARE(r.plan.steps[2].url, std::string("/d?e=1&f=2")); // a lone & is no separator
    }
    void transportOptionsOfAnyCommandHoldAndIgnoredSayWhich() {
        const auto r = importCurlCommands("curl https://h/a -o a.html\ncurl -k https://h/b "
                                          "--proxy http://p:3128\ncurl --http2 https://h/c",
                                          Plan{});
        QVERIFY2(r.ok(), r.error.c_str());
        QVERIFY(!r.plan.verifyTls);
        QCOMPARE(r.plan.httpVersion, HttpVersion::Http2);
        QCOMPARE(r.ignored, (Strings{"command 1: -o a.html", "command 2: --proxy http://p:3128"}));
    }
    void oneCommandReadsAsBefore() {
        const char* command = "curl -X PUT https://h/api?x=1 -H 'A: b'";
        const auto several = importCurlCommands(command, Plan{});
        const auto one = importCurlCommand(command, Plan{});
        QVERIFY(several.ok());
        QCOMPARE(several.plan, one.plan);
        QCOMPARE(several.plan.url, std::string("https://h/api?x=1"));
        QCOMPARE(several.plan.steps.size(), std::size_t(1));
    }
    void aBadCommandRefusesAllNamingIt() {
        Plan base;
        base.url = "http://kept/";
        const auto r = importCurlCommands("curl http://h/a\ncurl -H 'X: 1'", base);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error).startsWith("command 2: "), r.error.c_str());
        QVERIFY2(QString::fromStdString(r.error).contains("no URL"), r.error.c_str());
        QCOMPARE(r.plan, base);
        const auto piped = importCurlCommands("curl http://h/a | jq .", base);
        QVERIFY2(QString::fromStdString(piped.error).contains("command 2: not a curl command"),
                 piped.error.c_str());
    }
};

QTEST_APPLESS_MAIN(TestCurlImport)
#include "tst_curlimport.moc"
