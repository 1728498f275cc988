#pragma once

#include "core/engine/RunSnapshot.h"

#include <QByteArray>

// A run's errors in one line for a failing check's message: the count, then each class with
// its first message ("errors 3 | tls: SSL certificate problem: self-signed certificate").
inline QByteArray describedErrors(const stampede::RunReport& report) {
    using namespace stampede;
    QByteArray text = "errors " + QByteArray::number(qulonglong(report.final.errors));
    for (std::size_t i = 0; i < kErrorClassCount; ++i)
        if (report.final.errorsByClass[i].count)
            text += QByteArray(" | ") + errorClassName(ErrorClass(i)).data() + ": " +
                    report.final.errorsByClass[i].firstMessage.c_str();
    return text;
}
