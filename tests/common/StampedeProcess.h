#pragma once

// The stampede executable run as a real process, as a terminal or CI runs it. Only for tests
// whose CMake target defines STAMPEDE_BINARY (see tests/integration/CMakeLists.txt).
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

struct ProcessResult {
    int exitCode = -1; // stays -1 when the process did not end in time and was killed
    QString out;
    QString err;

    const QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

inline ProcessResult runStampede(const QStringList& args, int timeoutMs) {
    QProcess process;
    process.start(STAMPEDE_BINARY, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}
