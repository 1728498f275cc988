#include "core/plan/CurlCommandReader.h"

#include "core/text/ParseNumber.h"

#include <QByteArray>

#include <cctype>

namespace stampede {
namespace {

constexpr std::string_view kFormContentType = "application/x-www-form-urlencoded";

std::string percentEncoded(std::string_view text) {
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()))
        .toPercentEncoding()
        .toStdString();
}

} // namespace

bool hasScheme(std::string_view url) {
    const std::size_t colon = url.find("://");
    if (colon == std::string_view::npos || colon == 0 ||
        !std::isalpha(static_cast<unsigned char>(url.front())))
        return false;
    return std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

std::optional<std::string> CurlCommandReader::read(const std::vector<std::string>& args) {
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg.front() != '-') {
            urls_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        const auto nextValue = [&]() -> std::optional<std::string> {
            if (i + 1 < args.size())
                return args[++i];
            return std::nullopt;
        };
        if (arg.starts_with("--")) {
            // curl itself wants the value as the next word; --name=value is accepted too.
            const std::size_t equals = arg.find('=');
            const std::string spelled = arg.substr(0, equals);
            const CurlOption* option = findCurlLongOption(std::string_view(spelled).substr(2));
            if (!option || (!option->takesValue && equals != std::string::npos)) {
                ignored_.push_back(arg);
                continue;
            }
            std::optional<std::string> value;
            if (option->takesValue) {
                value = equals != std::string::npos ? arg.substr(equals + 1) : nextValue();
                if (!value)
                    return "option " + spelled + " needs a value";
            }
            if (auto error = apply(*option, spelled, value))
                return error;
            continue;
        }
        // A group of short options, as in -sSLk; one taking a value ends it (-XPOST, -HX:y).
        for (std::size_t k = 1; k < arg.size(); ++k) {
            const std::string spelled = std::string("-") + arg[k];
            const CurlOption* option = findCurlShortOption(arg[k]);
            if (!option) {
                ignored_.push_back(spelled);
                continue;
            }
            std::optional<std::string> value;
            if (option->takesValue) {
                value = k + 1 < arg.size() ? arg.substr(k + 1) : nextValue();
                if (!value)
                    return "option " + spelled + " needs a value";
            }
            if (auto error = apply(*option, spelled, value))
                return error;
            if (option->takesValue)
                break;
        }
    }
    return finish();
}

std::optional<std::string> CurlCommandReader::apply(const CurlOption& option,
                                                    const std::string& spelled,
                                                    const std::optional<std::string>& value) {
    const std::string text = value.value_or(std::string());
    const auto seconds = [&](std::chrono::milliseconds& field) -> std::optional<std::string> {
        // The plan keeps whole milliseconds from 1 ms to a day, as kTimeoutRange says.
        const auto parsed = parseDecimal(text, 0.001, 86'400);
        if (!parsed)
            return spelled + " needs a number of seconds from 0.001 to 86400, not '" + text + "'";
        field = std::chrono::milliseconds(static_cast<std::int64_t>(*parsed * 1000 + 0.5));
        return std::nullopt;
    };
    switch (option.kind) {
    case CurlOptionKind::Unmapped:
        ignore(spelled, value);
        break;
    case CurlOptionKind::Url:
        urls_.push_back(text);
        break;
    case CurlOptionKind::Request: {
        const auto method = parseMethod(text);
        if (!method)
            return "unsupported method '" + text + "' in " + spelled +
                   ": Stampede sends GET, HEAD, POST, PUT, PATCH or DELETE";
        explicitMethod_ = method;
        break;
    }
    case CurlOptionKind::Header:
        addHeader(spelled, text);
        break;
    case CurlOptionKind::Data:
    case CurlOptionKind::DataBinary:
    case CurlOptionKind::DataRaw:
    case CurlOptionKind::DataUrlencode:
        addData(option.kind, spelled, text);
        break;
    case CurlOptionKind::Json:
        json_ = true;
        addData(CurlOptionKind::DataBinary, spelled, text);
        break;
    case CurlOptionKind::Get:
        get_ = true;
        break;
    case CurlOptionKind::Head:
        head_ = true;
        break;
    case CurlOptionKind::User:
        user_ = text;
        userSpelled_ = spelled;
        break;
    case CurlOptionKind::OtherAuth:
        otherAuth_ = true;
        ignore(spelled, value);
        break;
    case CurlOptionKind::Bearer:
        request().headers.push_back({"Authorization", "Bearer " + text});
        break;
    case CurlOptionKind::Compressed:
        compressed_ = true;
        break;
    case CurlOptionKind::Insecure:
        plan_.verifyTls = false;
        break;
    case CurlOptionKind::CaCert:
        plan_.caCertFile = text;
        break;
    case CurlOptionKind::Location:
        plan_.followRedirects = true;
        break;
    case CurlOptionKind::MaxRedirs: {
        // curl's -1 means no limit; the plan's largest allowed value is the nearest thing.
        const auto parsed = parseInteger(text, -1, 1'000'000);
        if (!parsed)
            return spelled + " needs a whole number, not '" + text + "'";
        plan_.maxRedirects = *parsed < 0 ? 100 : static_cast<int>(*parsed);
        break;
    }
    case CurlOptionKind::MaxTime:
        return seconds(plan_.timeout);
    case CurlOptionKind::ConnectTimeout:
        return seconds(plan_.connectTimeout);
    case CurlOptionKind::Http2:
        plan_.httpVersion = HttpVersion::Http2;
        break;
    case CurlOptionKind::Http2PriorKnowledge: // as in curl, the last version option wins
        plan_.httpVersion = HttpVersion::Http2PriorKnowledge;
        break;
    case CurlOptionKind::Http1_1:
        plan_.httpVersion = HttpVersion::Http1_1;
        break;
    case CurlOptionKind::UserAgent:
        // An empty -A removes the header in curl, which a plan header cannot say.
        if (text.empty())
            ignore(spelled, value);
        else
            request().headers.push_back({"User-Agent", text});
        break;
    case CurlOptionKind::Referer: {
        // ";auto" asks curl to update the referer on redirects; the plan sends a fixed one.
        std::string referer = text;
        if (referer.ends_with(";auto"))
            referer.resize(referer.size() - 5);
        if (!referer.empty())
            request().headers.push_back({"Referer", referer});
        break;
    }
    case CurlOptionKind::Cookie:
        // Without '=' curl reads the value as a cookie file.
        if (text.find('=') == std::string::npos)
            ignore(spelled, value);
        else
            cookies_.push_back(text);
        break;
    }
    return std::nullopt;
}

void CurlCommandReader::addHeader(const std::string& spelled, const std::string& line) {
    const std::size_t colon = line.find(':');
    const std::size_t semicolon = line.find(';');
    if (line.starts_with('@')) {
        ignore(spelled, line); // headers read from a file
        return;
    }
    if (colon == std::string::npos) {
        // "Name;" is curl's way to send a header with no value.
        if (semicolon != std::string::npos && trimmed(line.substr(semicolon + 1)).empty() &&
            semicolon > 0)
            request().headers.push_back({line.substr(0, semicolon), ""});
        else
            ignore(spelled, line);
        return;
    }
    const std::string name(trimmed(std::string_view(line).substr(0, colon)));
    const std::string value(trimmed(std::string_view(line).substr(colon + 1)));
    // "Name:" removes one of curl's own headers, which a plan cannot express.
    if (name.empty() || value.empty()) {
        ignore(spelled, line);
        return;
    }
    if (equalsIgnoringCase(name, "content-type"))
        request().contentType = value;
    else
        request().headers.push_back({name, value});
}

void CurlCommandReader::addData(CurlOptionKind kind, const std::string& spelled,
                                const std::string& value) {
    DataPart part{value, std::nullopt, false, spelled + ' ' + value};
    const bool mayBeFile = kind == CurlOptionKind::Data || kind == CurlOptionKind::DataBinary;
    if (mayBeFile && value.starts_with('@')) {
        // Note: -d @file strips the file's newlines in curl; the plan sends the file as is.
        part.file = value.substr(1);
        part.fileIsBody = part.file != "-" && !part.file->empty(); // "-" is standard input
    } else if (kind == CurlOptionKind::DataUrlencode) {
        // curl's rules: "content", "=content", "name=content", "@file", "name@file"; the
        // first '=' decides, and only without one does '@' name a file.
        std::size_t split = value.find('=');
        if (split == std::string::npos)
            split = value.find('@');
        const std::string name = split == std::string::npos ? "" : value.substr(0, split);
        const std::string content = split == std::string::npos ? value : value.substr(split + 1);
        if (split != std::string::npos && value[split] == '@')
            part.file = content; // the file would be encoded first: not supported, so ignored
        else
            part.text = (name.empty() ? "" : name + '=') + percentEncoded(content);
    }
    data_.push_back(std::move(part));
}

std::optional<std::string> CurlCommandReader::finish() {
    if (urls_.empty() || urls_.front().empty())
        return std::string("no URL in the curl command");
    plan_.url = hasScheme(urls_.front()) ? urls_.front() : "http://" + urls_.front();
    // The plan sends one URL; curl would fetch the others one after another.
    ignored_.insert(ignored_.end(), urls_.begin() + 1, urls_.end());

    // Only a body that is a single whole file can become bodyFile; curl would splice the
    // others into the text, which the plan cannot do, so those parts are ignored.
    const bool wholeFile = data_.size() == 1 && data_.front().fileIsBody && !get_;
    std::string joined;
    bool anyText = false;
    for (const DataPart& part : data_) {
        if (part.file && !wholeFile) {
            ignored_.push_back(part.asTyped);
            continue;
        }
        if (part.file)
            continue;
        if (anyText)
            joined += '&';
        joined += part.text;
        anyText = true;
    }
    const bool hasData = !data_.empty();
    if (get_) {
        if (anyText) {
            const std::size_t hash = plan_.url.find('#');
            const std::size_t at = hash == std::string::npos ? plan_.url.size() : hash;
            const char separator =
                plan_.url.substr(0, at).find('?') == std::string::npos ? '?' : '&';
            plan_.url.insert(at, separator + joined);
        }
    } else if (hasData) {
        if (wholeFile)
            request().bodyFile = *data_.front().file;
        else
            request().body = joined;
        if (request().contentType.empty())
            request().contentType = json_ ? "application/json" : std::string(kFormContentType);
        if (json_ && !hasHeader("Accept"))
            request().headers.push_back({"Accept", "application/json"});
    }

    if (explicitMethod_)
        request().method = *explicitMethod_;
    else if (head_)
        request().method = HttpMethod::Head;
    else if (hasData && !get_)
        request().method = HttpMethod::Post;

    if (user_) {
        // Without a password curl would prompt for one; with another scheme Basic is wrong.
        if (user_->find(':') == std::string::npos || otherAuth_)
            ignore(userSpelled_, user_);
        else
            request().headers.push_back(
                {"Authorization",
                 "Basic " + QByteArray::fromStdString(*user_).toBase64().toStdString()});
    }
    if (!cookies_.empty()) {
        std::string cookie;
        for (const std::string& one : cookies_)
            cookie += (cookie.empty() ? "" : "; ") + one;
        request().headers.push_back({"Cookie", cookie});
    }
    // libcurl would ask for these encodings and decode the answer itself; kept as a plain
    // header, the server sends what it sends a browser and the engine counts the bytes as sent.
    if (compressed_ && !hasHeader("Accept-Encoding"))
        request().headers.push_back({"Accept-Encoding", "gzip, deflate, br"});
    return std::nullopt;
}

} // namespace stampede
