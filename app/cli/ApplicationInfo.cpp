#include "app/cli/ApplicationInfo.h"

#include <QCoreApplication>

namespace stampede {

void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("Stampede"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stampede"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STAMPEDE_VERSION));
}

} // namespace stampede
