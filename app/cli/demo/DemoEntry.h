#pragma once

#include <QStringList>

#include <span>

namespace stampede {

class TerminationSignals;

// One `stampede demo NAME`: its name, a line for the help, and what runs it. `arguments` is
// the whole command line (program, "demo", NAME, options…); a QCommandLineParser takes it
// with "demo" and NAME declared as positional arguments, as `stampede run` does with "run".
struct DemoEntry {
    const char* name;
    const char* summary;
    int (*run)(const QStringList& arguments, const TerminationSignals& termination);
};

// Every demo, in the order the help lists them (DemoEntries.cpp).
std::span<const DemoEntry> demoEntries();

} // namespace stampede
