#pragma once

namespace stampede {

// Opens the main window with the embedded target running beside it.
int runGui(int& argc, char** argv);

} // namespace stampede
