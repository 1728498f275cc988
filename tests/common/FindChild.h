#pragma once

#include <QObject>
#include <QString>

#include <cstdlib>

// How every GUI test finds a widget: by its objectName, as a person finds it by its label,
// not through accessors added for tests. A missing one ends the test with its name.
template <typename T> T* child(const QObject& parent, const QString& name) {
    T* found = parent.findChild<T*>(name);
    if (!found)
        qFatal("no %s named '%s' under %s", T::staticMetaObject.className(), qPrintable(name),
               qPrintable(parent.objectName()));
    return found;
}
