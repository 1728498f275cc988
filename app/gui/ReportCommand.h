#pragma once

namespace stampede {

// `stampede report RESULT… -o FILE.html`: one result file as a report, or two to four as a
// comparison, in one self-contained HTML page whose charts the window's chart classes draw,
// off screen. Exit 0 written, 1 could not write, 2 bad arguments, an -o that cannot be written
// (found before any work) or a file that is not a result file (naming it and the field).
int runReportCommand(int& argc, char** argv);

} // namespace stampede
