#pragma once

#include <QStringList>

namespace stampede {

// `stampede import FILE`: a HAR file (what a browser's developer tools save) or a file of curl
// commands, turned into a plan file of steps on stdout or -o, for CI or a person without the
// window. A file that is neither is refused with exit 2, naming the culprit.
class ImportCommand {
public:
    int run(const QStringList& arguments) const;
};

} // namespace stampede
