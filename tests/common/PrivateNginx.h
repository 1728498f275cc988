#pragma once

// A private nginx on a free loopback port, for tests that need a real server's keep-alive
// behaviour: its own config, files and logs in a temporary folder, gone with the object.
#include "core/net/HttpProbe.h"
#include "tests/common/ServerProgram.h"
#include "tests/common/UnusedPort.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <string>

class PrivateNginx {
public:
    // `httpSettings` go into the http block, e.g. "keepalive_timeout 1s;".
    explicit PrivateNginx(const QString& httpSettings) {
        const ServerProgram nginx = ServerProgram::find("nginx", "nginx-light");
        if (nginx.path.isEmpty())
            qFatal("%s", qPrintable(nginx.missing));
        port_ = unusedPort();
        QDir(dir_.path()).mkpath("www");
        QDir(dir_.path()).mkpath("tmp");
        QFile page(dir_.filePath("www/index.html"));
        page.open(QIODevice::WriteOnly);
        page.write(QByteArray(1024, 'x'));
        page.close();
        // Workers run as an unprivileged user when the master is root: let them read.
        for (const QString& path : {dir_.path(), dir_.filePath("www")})
            QFile::setPermissions(path, QFile::permissions(path) | QFile::ReadOther |
                                            QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
        QFile::setPermissions(dir_.filePath("www/index.html"),
                              QFile::permissions(dir_.filePath("www/index.html")) |
                                  QFile::ReadOther | QFile::ReadGroup);
        QString temp;
        for (const char* module : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
            temp += QString("    %1_temp_path %2/tmp/%1;\n").arg(module, dir_.path());
        QFile conf(dir_.filePath("nginx.conf"));
        conf.open(QIODevice::WriteOnly);
        conf.write(QString("worker_processes 1;\ndaemon off;\npid %1/nginx.pid;\n"
                           "error_log %1/error.log warn;\nevents { worker_connections 256; }\n"
                           "http {\n    log_format served '$connection $request';\n"
                           "    access_log %1/access.log served;\n%2    %3\n"
                           "    server { listen 127.0.0.1:%4; root %1/www; location / { } }\n}\n")
                       .arg(dir_.path(), temp, httpSettings)
                       .arg(port_)
                       .toUtf8());
        conf.close();
        const QString failed =
            process_.start(nginx.path, {"-p", dir_.path(), "-e", dir_.filePath("error.log"), "-c",
                                        dir_.filePath("nginx.conf")});
        if (!failed.isEmpty())
            qFatal("%s", qPrintable(failed));
        for (int i = 0; i < 100; ++i) {
            if (stampede::HttpProbe("127.0.0.1", port_).get("/").status == 200) {
                // That request is in the log too; the counts below leave it out.
                QTRY_VERIFY(lines().size() == 1);
                return;
            }
            QTest::qWait(50);
        }
        qFatal("nginx does not answer on port %d", int(port_));
    }
    PrivateNginx(const PrivateNginx&) = delete;
    PrivateNginx& operator=(const PrivateNginx&) = delete;

    // Requests nginx answered since it started, from its access log (written as each ends).
    int served() const { return int(lines().size()) - 1; }
    // The connections those requests came on: nginx numbers every connection it accepts.
    int connections() const {
        QSet<QByteArray> numbers;
        for (const QByteArray& line : lines().mid(1))
            numbers.insert(line.left(line.indexOf(' ')));
        return int(numbers.size());
    }
    std::string url(const std::string& path = "/") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

private:
    QList<QByteArray> lines() const {
        QFile log(dir_.filePath("access.log"));
        if (!log.open(QIODevice::ReadOnly))
            return {};
        QList<QByteArray> all = log.readAll().split('\n');
        all.removeAll(QByteArray());
        return all;
    }

    QTemporaryDir dir_;
    std::uint16_t port_ = 0;
    ServerProcess process_;
};
