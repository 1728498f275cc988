#pragma once

#include <QTableWidget>

#include <cstdint>
#include <map>

namespace stampede {

// How many responses came with each status code, and their share of all requests.
class StatusCodeTable : public QTableWidget {
    Q_OBJECT
public:
    explicit StatusCodeTable(QWidget* parent = nullptr);

    void show(const std::map<int, std::uint64_t>& counts, std::uint64_t requests);
    void clearValues();
};

} // namespace stampede
