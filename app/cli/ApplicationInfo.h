#pragma once

namespace stampede {

// Sets the name, organisation and version every QCoreApplication of ours reports (window
// titles, --version, QSettings paths).
void describeApplication();

} // namespace stampede
