#pragma once

#include "core/plan/CurlImportResult.h"

#include <string_view>

namespace stampede {

// Reads a pasted `curl ...` command line (as from a browser's "Copy as cURL"; the leading
// `curl` or a `$ ` prompt may be there or not) into a plan based on `base`.
//
// The request itself (url, method, headers, body, bodyFile, contentType) is replaced whole,
// because a curl command describes all of it. Transport settings (verifyTls, caCertFile,
// followRedirects, maxRedirects, timeouts, httpVersion) change only where an option says so,
// and the name,
// load shape and stop conditions stay as in `base`. Options the plan cannot express are
// listed in `ignored`, never refused.
CurlImportResult importCurlCommand(std::string_view commandLine, const Plan& base = Plan{});

// Several pasted curl commands, one a line (or split by ;, && or blank lines; see
// splitShellCommands), as a scenario: each command's request is a step, in order, placed on
// the base URL of the first one (placeOnBaseUrl). The transport options of every command hold
// for the plan; the ignored options say which command they came from ("command 2: -o x").
// One command reads exactly as importCurlCommand. Any command refused refuses them all,
// naming it, and leaves `base` unchanged.
CurlImportResult importCurlCommands(std::string_view script, const Plan& base = Plan{});

} // namespace stampede
