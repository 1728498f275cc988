#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace stampede {

// One check a CI server shows as a test: a threshold of `stampede run`, or a gate of
// `stampede compare` on one run.
struct JUnitCase {
    std::string name; // "p99<250ms", "p99>+10% (b.json)"
    bool passed = false;
    std::string message; // the verdict as the terminal prints it
};

// The checks as JUnit XML (one <testsuite> named `suite`; a failed check holds <failure>),
// which Jenkins, GitLab and GitHub's test reporters show natively. Written aside and renamed
// into place; the error names the path.
QByteArray junitXml(const std::string& suite, const std::vector<JUnitCase>& cases, double seconds);
std::optional<std::string> writeJUnit(const QString& path, const std::string& suite,
                                      const std::vector<JUnitCase>& cases, double seconds);

} // namespace stampede
