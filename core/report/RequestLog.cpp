#include "core/report/RequestLog.h"

#include "core/report/ReportDirectory.h"

#include <QDir>
#include <QSaveFile>

namespace stampede {
namespace {

// Large enough that a write costs little per row, small enough to stay in cache.
constexpr std::size_t kFlushBytes = 64 * 1024;

} // namespace

RequestLog::RequestLog() = default;
RequestLog::~RequestLog() = default; // QSaveFile's destructor removes an uncommitted file

bool RequestLog::open(const QString& directory, std::string* error) {
    file_.reset();
    buffer_.clear();
    writeError_.reset();
    if (auto failure = ensureReportDirectory(directory)) {
        if (error)
            *error = *failure;
        return false;
    }
    auto file = std::make_unique<QSaveFile>(QDir(directory).absoluteFilePath("requests.csv"));
    // Unbuffered: rows are already gathered here, a second buffer would only copy them.
    if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = cannotWrite(file->fileName(), file->errorString());
        return false;
    }
    file_ = std::move(file);
    buffer_.field("id").field("lane").field("step").field("intended_ms").field("started_ms");
    buffer_.field("first_byte_ms").field("done_ms").field("latency_ms").field("status");
    buffer_.field("error").field("bytes").endRow();
    return true;
}

void RequestLog::append(const RequestRecord& r) {
    if (!file_ || writeError_)
        return;
    buffer_.field(r.id).field(r.lane).field(r.step + 1).field(r.intendedMs).field(r.startedMs);
    if (r.firstByteMs >= 0)
        buffer_.field(r.firstByteMs);
    else
        buffer_.empty();
    buffer_.field(r.doneMs).field(r.doneMs - r.intendedMs);
    if (r.status != 0)
        buffer_.field(r.status);
    else
        buffer_.empty();
    if (r.error)
        buffer_.field(errorClassName(*r.error));
    else
        buffer_.empty();
    buffer_.field(r.bytes).endRow();
    if (buffer_.text().size() >= kFlushBytes)
        flush();
}

void RequestLog::flush() {
    const std::string& text = buffer_.text();
    if (!text.empty() && file_->write(text.data(), qint64(text.size())) != qint64(text.size()))
        writeError_ = cannotWrite(file_->fileName(), file_->errorString());
    buffer_.clear();
}

std::optional<std::string> RequestLog::commit() {
    if (!file_)
        return std::string("cannot write requests.csv: the log is not open");
    if (!writeError_)
        flush();
    const auto file = std::move(file_);
    if (writeError_)
        return writeError_; // file's destructor discards the partial temporary file
    if (!file->commit())
        return cannotWrite(file->fileName(), file->errorString());
    return std::nullopt;
}

} // namespace stampede
