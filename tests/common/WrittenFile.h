#pragma once

// A file a test needs on disk (a data file, a body, a HAR file), written whole into `dir`;
// the test stops at once if it cannot be.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

inline QString writtenFile(const QTemporaryDir& dir, const QString& name,
                           const QByteArray& content = {}) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write the test file %s", qPrintable(file.fileName()));
    return file.fileName();
}
