#pragma once

#include <QStringList>

namespace stampede {

// `stampede compare a.json b.json [...]`: the figures of result files side by side with each
// later run's change from the first, as a table or --json; --fail-if gates exit 3 when a run
// regressed against the first (for CI), and --junit writes the gates as JUnit test cases.
class CompareCommand {
public:
    int run(const QStringList& arguments) const;
};

} // namespace stampede
