#pragma once

#include "core/engine/RequestRecord.h"
#include "core/report/CsvWriter.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>

class QSaveFile;

namespace stampede {

// Streams requests.csv while a run goes: rows gather in a small buffer that is handed to the
// file every 64 KiB, so memory stays flat however long the run. The file appears under its
// final name only on commit(); destroyed without it, the temporary file is removed.
// Used from one thread (engine-io), so nothing here locks.
class RequestLog {
public:
    RequestLog();
    ~RequestLog();
    RequestLog(const RequestLog&) = delete;
    RequestLog& operator=(const RequestLog&) = delete;

    // Creates the directory when missing and starts the file with its header row.
    bool open(const QString& directory, std::string* error);
    bool isOpen() const { return file_ != nullptr; }
    void append(const RequestRecord& record);
    // Renames the complete file into place; the error names the path and the reason.
    std::optional<std::string> commit();

private:
    void flush();

    std::unique_ptr<QSaveFile> file_;
    CsvWriter buffer_;
    std::optional<std::string> writeError_; // the first failure; later rows are dropped
};

} // namespace stampede
