#pragma once

#include "core/engine/RunSnapshot.h"

#include <QTableWidget>

namespace stampede {

// Failed requests by class, each with the first message of its kind: the count says how
// bad, the message says why ("Connection refused", "Operation timed out after 2000 ms").
class ErrorTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ErrorTable(QWidget* parent = nullptr);

    void show(const std::array<ErrorSummary, kErrorClassCount>& errors, std::uint64_t requests);
    void clearValues();
};

} // namespace stampede
