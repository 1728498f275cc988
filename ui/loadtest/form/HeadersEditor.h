#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

#include <vector>

class QTableWidget;
class QToolButton;

namespace stampede {

// The request's headers as a small name/value table with add and remove buttons. A row left
// entirely blank is not a header: adding a row and leaving it empty changes nothing.
class HeadersEditor : public QWidget {
    Q_OBJECT
public:
    explicit HeadersEditor(QWidget* parent = nullptr);

    std::vector<HttpHeader> headers() const;
    void setHeaders(const std::vector<HttpHeader>& headers);
    // Marks the cell of header `index` (as counted in headers()) that `key` names; -1 clears.
    void markCell(int index, const QString& key);

signals:
    void changed();

private:
    void addRow();
    void removeRow();
    bool isBlank(int row) const;

    QTableWidget* table_;
    QToolButton* add_;
    QToolButton* remove_;
};

} // namespace stampede
