#pragma once

namespace stampede {

class MainWindow;

// What the window remembers between sessions (QSettings): the last form, the window's
// geometry and docks, and the Load test splitter.
class WorkspaceSettings {
public:
    static void restore(MainWindow& window);
    static void save(const MainWindow& window);
};

} // namespace stampede
