#include "core/report/ReportDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <filesystem>
#include <system_error>

namespace stampede {

std::optional<std::string> ensureReportDirectory(const QString& directory) {
    const std::filesystem::path path(QFile::encodeName(directory).toStdString());
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error)
        return "cannot create directory " + directory.toStdString() + ": " + error.message();
    // create_directories reports nothing when the path exists as something else.
    if (!std::filesystem::is_directory(path, error))
        return "cannot create directory " + directory.toStdString() + ": Not a directory";
    return std::nullopt;
}

std::optional<std::string> checkReportDirectory(const QString& directory) {
    if (auto error = ensureReportDirectory(directory))
        return error;
    QTemporaryFile probe(QDir(directory).filePath(QStringLiteral(".stampede-write-check-XXXXXX")));
    if (!probe.open())
        return cannotWrite(directory, probe.errorString());
    return std::nullopt;
}

std::optional<std::string> checkWritableFile(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir())
        return cannotWrite(path, QStringLiteral("it is a directory"));
    if (!info.absoluteDir().exists())
        return cannotWrite(path, QStringLiteral("no directory ") + info.absolutePath());
    QTemporaryFile probe(
        info.absoluteDir().filePath(QStringLiteral(".stampede-write-check-XXXXXX")));
    if (!probe.open())
        return cannotWrite(path, probe.errorString());
    return std::nullopt;
}

std::optional<std::string> saveFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return std::nullopt;
    return cannotWrite(path, file.errorString());
}

std::string cannotWrite(const QString& path, const QString& reason) {
    return "cannot write " + path.toStdString() + ": " + reason.toStdString();
}

} // namespace stampede
