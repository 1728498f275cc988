#pragma once

// What the private servers of the tests (PrivateNginx, PrivateNghttpd) share: finding the
// Debian program, and running it as a child process that ends with the object.
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

// The installed program `name`, or an empty path and a message that names the package
// packaging/install-deps.sh installs it from: CI has it, so a test without it must fail.
struct ServerProgram {
    QString path;
    QString missing;

    static ServerProgram find(const QString& name, const QString& package) {
        const QString path = QStandardPaths::findExecutable(
            name, {"/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin", "/sbin"});
        if (!path.isEmpty())
            return {path, {}};
        return {{},
                QString("%1 is not installed (packaging/install-deps.sh installs %2)")
                    .arg(name, package)};
    }
};

// A server process of the test's own, asked to stop (SIGTERM, then SIGKILL after 5 s) when
// the object goes. `outputFile`, if given, receives its standard output and error.
class ServerProcess {
public:
    ServerProcess() = default;
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    ~ServerProcess() { stop(); }

    // An empty string when it started, else why not.
    QString start(const QString& program, const QStringList& arguments,
                  const QString& outputFile = {}) {
        if (outputFile.isEmpty()) {
            process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        } else {
            process_.setProcessChannelMode(QProcess::MergedChannels);
            process_.setStandardOutputFile(outputFile);
        }
        process_.start(program, arguments);
        if (!process_.waitForStarted(5000))
            return program + " did not start: " + process_.errorString();
        return {};
    }
    bool running() const { return process_.state() == QProcess::Running; }
    void stop() {
        if (process_.state() == QProcess::NotRunning)
            return;
        process_.terminate();
        if (!process_.waitForFinished(5000))
            process_.kill();
        process_.waitForFinished();
    }

private:
    QProcess process_;
};
