#include "core/lab/requests/RequestsProgress.h"

#include <algorithm>

namespace stampede {

int RequestBatch::errors() const {
    return static_cast<int>(std::count_if(records.begin(), records.end(), [](const auto& r) {
        return r.error.has_value() || r.status >= 400;
    }));
}

double RequestBatch::totalMs() const {
    double total = 0;
    for (const RequestRecord& record : records)
        total = std::max(total, record.doneMs);
    return total;
}

double RequestsProgress::speedUp() const {
    if (!sequential.finished || !concurrent.finished || concurrent.totalMs() <= 0)
        return 0;
    return sequential.totalMs() / concurrent.totalMs();
}

} // namespace stampede
