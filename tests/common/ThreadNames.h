#pragma once

#include <QDir>
#include <QFile>
#include <QStringList>

// The names of this process's threads now, as the kernel has them (/proc/self/task/*/comm):
// what top and the Threads & CPU view show.
inline QStringList threadNames() {
    QStringList names;
    for (const QString& task :
         QDir("/proc/self/task").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm("/proc/self/task/" + task + "/comm");
        if (comm.open(QIODevice::ReadOnly))
            names << QString::fromUtf8(comm.readAll()).trimmed();
    }
    return names;
}
