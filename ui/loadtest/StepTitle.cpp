#include "ui/loadtest/StepTitle.h"

#include <QCoreApplication>

namespace stampede {

QString stepRequest(const Step& step) {
    const QString method = QString::fromUtf8(methodName(step.method).data());
    const QString url = step.url.empty()
                            ? QCoreApplication::translate("stampede::StepTitle", "(base URL)")
                            : QString::fromStdString(step.url);
    return method + ' ' + url;
}

QString stepTitle(const Step& step) {
    return step.name.empty() ? stepRequest(step) : QString::fromStdString(step.name);
}

} // namespace stampede
