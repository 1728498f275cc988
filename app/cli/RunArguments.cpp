#include "app/cli/RunArguments.h"

#include "core/plan/PlanJson.h"
#include "core/plan/PlanShare.h"
#include "core/plan/PlanValidation.h"
#include "core/text/ParseNumber.h"
#include "core/text/UtcTime.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

namespace stampede {
namespace {

using Option = QCommandLineOption;

// Each flag and how it changes the plan; the order is the order of --help.
struct Flags {
    Option url{"url", "URL to test (default: the embedded target, started in-process).", "url"};
    Option users{{"c", "concurrency"},
                 "Closed model: N virtual users, each sending its next "
                 "request when the previous one ends (default 10).",
                 "N"};
    Option rate{"rate",
                "Open model: R flow starts (for a one-step plan, requests) per second at "
                "fixed intended times, whatever the server does.",
                "R"};
    Option maxInFlight{"max-in-flight",
                       "Open model: at most N flows in flight; more wait "
                       "as backlog (default 1000).",
                       "N"};
    Option thinkTime{"think-time", "Closed model: a user's pause between iterations of the flow.",
                     "MS"};
    Option duration{{"d", "duration"}, "Stop after this many seconds (default 10).", "SECONDS"};
    Option requests{{"n", "requests"},
                    "Stop after this many iterations of the flow, for a one-step plan requests "
                    "(whichever comes first).",
                    "N"};
    Option method{{"m", "method"},
                  "A one-step plan's GET, HEAD, POST, PUT, PATCH or DELETE (default GET).",
                  "METHOD"};
    Option header{{"H", "header"},
                  "A request header, e.g. \"Accept: text/html\" (repeatable).",
                  "'NAME: VALUE'"};
    Option body{"body", "The request body.", "TEXT"};
    Option bodyFile{"body-file", "Read the request body from a file.", "FILE"};
    Option contentType{"content-type", "Content-Type of the body.", "TYPE"};
    Option timeout{"timeout", "Give up on a request after this long (default 30000).", "MS"};
    Option connectTimeout{"connect-timeout", "Give up connecting after this long (default 10000).",
                          "MS"};
    Option http2{"http2", "Use HTTP/2 where the server offers it."};
    Option http2PriorKnowledge{"http2-prior-knowledge",
                               "Speak HTTP/2 from the first byte, without asking (for h2c "
                               "servers over plain http://)."};
    Option insecure{"insecure", "Do not verify TLS certificates (unsafe; for test servers)."};
    Option caCert{"cacert",
                  "Trust the certificates in FILE (PEM) instead of the system's, e.g. the one "
                  "`stampede serve --tls --write-cert FILE` wrote.",
                  "FILE"};
    Option noKeepAlive{"no-keep-alive", "A new connection for every request."};
    Option follow{"follow-redirects", "Follow redirects (off by default)."};
    Option engine{"engine",
                  "The transport: auto (default: native whenever the plan allows it), native "
                  "(plain http:// HTTP/1.1, at wrk's cost) or curl (libcurl: TLS, HTTP/2, "
                  "redirects).",
                  "auto|native|curl"};
    Option threads{"threads",
                   "Engine threads sharing the users or the rate, each with its own event loop "
                   "and connections (default 1; at most as many as there are users).",
                   "N"};
    Option plan{"plan", "Read the plan from a JSON plan file; flags override its fields.", "FILE"};
    Option reportDir{"report-dir",
                     "Write summary.csv, timeseries.csv, status_codes.csv, errors.csv and "
                     "steps.csv into DIR.",
                     "DIR"};
    Option logRequests{"log-requests", "Also stream every request to DIR/requests.csv."};
    Option out{"out",
               "Write the run as a result file (JSON with its full histograms) to FILE, "
               "written aside and renamed into place.",
               "FILE"};
    Option json{"json", "Print one JSON object instead of the human summary."};
    Option threshold{"threshold",
                     "Fail (exit 3) unless it holds, e.g. \"p99<250ms\", "
                     "\"errors<1%\", \"rps>1000\" (repeatable).",
                     "EXPR"};
    Option shard{"shard",
                 "Run the K-th of N equal parts of the plan (users or rate, request limits "
                 "and data rows divided), for N machines; merge their --out files with "
                 "stampede merge. Also taken from Slurm (SLURM_PROCID, SLURM_NTASKS) or a "
                 "Kubernetes Indexed Job (JOB_COMPLETION_INDEX with STAMPEDE_SHARDS).",
                 "K/N"};
    Option startAt{"start-at",
                   "Wait until TIME (UTC, ISO 8601 like 2026-12-01T18:00:00Z, or epoch "
                   "seconds) to start, so that every shard starts together.",
                   "TIME"};
    Option junit{"junit", "Write the thresholds' verdicts as JUnit XML test cases to FILE.",
                 "FILE"};

    QList<Option> all() const {
        return {url,         users,
                rate,        maxInFlight,
                thinkTime,   duration,
                requests,    method,
                header,      body,
                bodyFile,    contentType,
                timeout,     connectTimeout,
                http2,       http2PriorKnowledge,
                insecure,    caCert,
                noKeepAlive, follow,
                engine,      threads,
                plan,        reportDir,
                logRequests, out,
                json,        threshold,
                junit,       shard,
                startAt};
    }
};

std::string flagError(const QString& flag, const QString& value, const char* wanted) {
    return "--" + flag.toStdString() + ": '" + value.toStdString() + "' is not " + wanted;
}

} // namespace

std::variant<RunArguments, RunHelp, std::string> parseRunArguments(const QStringList& arguments) {
    const Flags f;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Run an HTTP load test and print its summary. Without --url it tests the embedded "
        "target.\nExit codes: 0 done, 1 could not run or write reports, 2 bad arguments or "
        "plan, 3 a threshold breached.");
    parser.addHelpOption();
    parser.addPositionalArgument("run", "The command.");
    parser.addOptions(f.all());
    if (!parser.parse(arguments))
        return parser.errorText().toStdString();
    if (parser.isSet("help"))
        return RunHelp{parser.helpText()};
    if (!parser.positionalArguments().value(1).isEmpty())
        return "unexpected argument '" + parser.positionalArguments().value(1).toStdString() +
               "' (the URL goes after --url)";

    RunArguments out;
    Plan& plan = out.plan;
    if (parser.isSet(f.plan)) {
        auto read = PlanJson::readFile(parser.value(f.plan));
        if (auto* error = std::get_if<PlanError>(&read))
            return parser.value(f.plan).toStdString() + ": " + error->text();
        plan = std::get<Plan>(std::move(read));
    }

    const auto integer = [&](const Option& option,
                             std::int64_t& into) -> std::optional<std::string> {
        const auto value = parseInteger(parser.value(option).toStdString(), INT64_MIN, INT64_MAX);
        if (!value)
            return flagError(option.names().last(), parser.value(option), "a whole number");
        into = *value;
        return std::nullopt;
    };
    const auto milliseconds = [&](const Option& option,
                                  std::chrono::milliseconds& into) -> std::optional<std::string> {
        std::int64_t ms = 0;
        if (auto error = integer(option, ms))
            return error;
        into = std::chrono::milliseconds(ms);
        return std::nullopt;
    };

    if (parser.isSet(f.users) && parser.isSet(f.rate))
        return std::string("use -c for a closed model or --rate for an open one, not both");
    if (parser.isSet(f.body) && parser.isSet(f.bodyFile))
        return std::string("use --body or --body-file, not both");
    if (parser.isSet(f.url))
        plan.url = parser.value(f.url).toStdString();
    if (parser.isSet(f.users)) {
        std::int64_t n = 0;
        if (auto error = integer(f.users, n))
            return *error;
        plan.load.model = LoadShape::Model::Closed;
        plan.load.users = static_cast<int>(std::clamp<std::int64_t>(n, -1, 1'000'000'000));
    }
    if (parser.isSet(f.rate)) {
        const auto rate = parseDecimal(parser.value(f.rate).toStdString(), 0, 1e12);
        if (!rate)
            return flagError("rate", parser.value(f.rate), "a number of requests per second");
        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = *rate;
    }
    if (parser.isSet(f.maxInFlight)) {
        std::int64_t n = 0;
        if (auto error = integer(f.maxInFlight, n))
            return *error;
        plan.load.maxInFlight = static_cast<int>(std::clamp<std::int64_t>(n, -1, 1'000'000'000));
    }
    if (parser.isSet(f.thinkTime))
        if (auto error = milliseconds(f.thinkTime, plan.load.thinkTime))
            return *error;
    if (parser.isSet(f.duration)) {
        const auto seconds = parseDecimal(parser.value(f.duration).toStdString(), 0, 1e9);
        if (!seconds)
            return flagError("duration", parser.value(f.duration), "a number of seconds");
        plan.duration = std::chrono::milliseconds(static_cast<std::int64_t>(*seconds * 1000));
    }
    if (parser.isSet(f.requests)) {
        std::int64_t n = 0;
        if (auto error = integer(f.requests, n))
            return *error;
        plan.requestLimit = static_cast<std::uint64_t>(std::max<std::int64_t>(n, 0));
        // A count alone means "run until that many": drop the default duration, but keep
        // one the user gave, so both limits apply and the first one wins.
        if (!parser.isSet(f.duration) && !parser.isSet(f.plan))
            plan.duration.reset();
    }
    // The request flags shape a one-step plan; a flow's steps are edited in its plan file.
    for (const QCommandLineOption* option :
         {&f.method, &f.header, &f.body, &f.bodyFile, &f.contentType})
        if (parser.isSet(*option) && plan.steps.size() > 1)
            return "--" + option->names().back().toStdString() + " shapes a one-step plan; this " +
                   "plan has " + std::to_string(plan.steps.size()) +
                   " steps: edit them in the plan file";
    Step& request = plan.steps.front();
    if (parser.isSet(f.method)) {
        const auto method = parseMethod(parser.value(f.method).toStdString());
        if (!method)
            return flagError("method", parser.value(f.method),
                             "one of GET, HEAD, POST, PUT, PATCH, DELETE");
        request.method = *method;
    }
    for (const QString& header : parser.values(f.header)) {
        const auto colon = header.indexOf(':');
        const QString name = header.left(colon).trimmed();
        if (colon <= 0 || name.isEmpty() || name.contains(' '))
            return "-H: '" + header.toStdString() + "' must look like 'Name: value'";
        request.headers.push_back(
            {name.toStdString(), header.mid(colon + 1).trimmed().toStdString()});
    }
    if (parser.isSet(f.body)) {
        request.body = parser.value(f.body).toStdString();
        request.bodyFile.clear();
    }
    if (parser.isSet(f.bodyFile)) {
        request.bodyFile = parser.value(f.bodyFile).toStdString();
        request.body.clear();
    }
    if (parser.isSet(f.contentType))
        request.contentType = parser.value(f.contentType).toStdString();
    if (parser.isSet(f.timeout))
        if (auto error = milliseconds(f.timeout, plan.timeout))
            return *error;
    if (parser.isSet(f.connectTimeout))
        if (auto error = milliseconds(f.connectTimeout, plan.connectTimeout))
            return *error;
    if (parser.isSet(f.http2))
        plan.httpVersion = HttpVersion::Http2;
    if (parser.isSet(f.http2PriorKnowledge)) // given beside --http2, the stricter one wins
        plan.httpVersion = HttpVersion::Http2PriorKnowledge;
    if (parser.isSet(f.insecure))
        plan.verifyTls = false;
    if (parser.isSet(f.caCert))
        plan.caCertFile = parser.value(f.caCert).toStdString();
    if (parser.isSet(f.noKeepAlive))
        plan.keepAlive = false;
    if (parser.isSet(f.follow))
        plan.followRedirects = true;
    if (parser.isSet(f.engine)) {
        const auto chosen = parseEngine(parser.value(f.engine).toStdString());
        if (!chosen)
            return flagError("engine", parser.value(f.engine), "auto, native or curl");
        plan.engine = *chosen;
    }
    if (parser.isSet(f.threads)) {
        std::int64_t n = 0;
        if (auto error = integer(f.threads, n))
            return *error;
        plan.load.threads = static_cast<int>(std::clamp<std::int64_t>(n, -1, 1'000'000));
    }
    for (const QString& threshold : parser.values(f.threshold))
        plan.thresholds.push_back(threshold.toStdString());

    if (const auto error = validatePlan(plan))
        return error->text();
    for (const std::string& text : plan.thresholds) {
        auto parsed = Threshold::parse(text);
        if (auto* error = std::get_if<std::string>(&parsed))
            return "--threshold '" + text + "': " + *error;
        out.thresholds.push_back(std::get<Threshold>(std::move(parsed)));
    }
    out.reportDirectory = parser.value(f.reportDir);
    out.logRequests = parser.isSet(f.logRequests);
    out.resultFile = parser.value(f.out);
    out.junitFile = parser.value(f.junit);
    auto shard = chooseShard(parser.value(f.shard), QProcessEnvironment::systemEnvironment());
    if (auto* error = std::get_if<std::string>(&shard))
        return std::move(*error);
    out.shard = std::get<ShardChoice>(std::move(shard));
    if (const int n = out.shard.share.count; n > 1 && shareCount(plan, n) < n)
        return "the plan cannot be split into " + std::to_string(n) + " shards (" +
               out.shard.source +
               "): each needs at least one user, in-flight slot or request of its own";
    if (parser.isSet(f.startAt)) {
        out.startAt = parseUtcTime(parser.value(f.startAt).toStdString());
        if (!out.startAt)
            return flagError("start-at", parser.value(f.startAt),
                             "a UTC time like 2026-12-01T18:00:00Z or epoch seconds");
    }
    out.json = parser.isSet(f.json);
    if (out.logRequests && out.reportDirectory.isEmpty())
        return std::string("--log-requests needs --report-dir DIR to write requests.csv into");
    return out;
}

} // namespace stampede
