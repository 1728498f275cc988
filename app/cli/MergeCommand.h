#pragma once

#include <QStringList>

namespace stampede {

// `stampede merge r1.json r2.json ... -o total.json`: the result files of a run's shards made
// into the result of the whole run (core/report/ResultMerge), which reports, compares and opens
// in the window like any other. Exit 2 naming the files when they are not parts of one run.
class MergeCommand {
public:
    int run(const QStringList& arguments) const;
};

} // namespace stampede
