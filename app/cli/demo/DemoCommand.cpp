#include "app/cli/demo/DemoCommand.h"

#include "app/cli/demo/DemoEntry.h"

#include <QString>

#include <iostream>

namespace stampede {

namespace {

void printDemoList(std::ostream& out) {
    out << "Usage: stampede demo NAME [options]   (stampede demo NAME --help for its options)\n\n"
           "Demos:\n";
    for (const DemoEntry& entry : demoEntries())
        out << "  " << QString(entry.name).leftJustified(11).toStdString() << entry.summary << '\n';
}

} // namespace

int DemoCommand::run(const QStringList& arguments) const {
    const QString name = arguments.value(2);
    if (name.isEmpty() || name == "-h" || name == "--help") {
        printDemoList(name.isEmpty() ? std::cerr : std::cout);
        return name.isEmpty() ? 2 : 0;
    }
    for (const DemoEntry& entry : demoEntries()) {
        if (name != entry.name)
            continue;
        return entry.run(arguments, termination_);
    }
    std::cerr << "stampede demo: unknown demo '" << name.toStdString() << "'.\n\n";
    printDemoList(std::cerr);
    return 2;
}

} // namespace stampede
