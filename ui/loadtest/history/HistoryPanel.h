#pragma once

#include "core/report/RunHistory.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace stampede {

// The runs kept, newest first: name (edited in place), date, URL, req/s, p99 and errors, with
// Open, Compare, Export and Delete, and a line above the list naming the files that could not
// be read. It shows what it is given and asks for the rest through signals; only Delete asks
// the person first.
class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { Name, Started, Url, Rate, P99, Errors, ColumnCount };
    static constexpr int kMaxCompared = 4;

    explicit HistoryPanel(QWidget* parent = nullptr);

    void setRuns(const std::vector<HistoryEntry>& runs);
    void setSkipped(const QStringList& problems);
    QTableWidget* table() const { return table_; }
    // The result files of the selected rows, top to bottom.
    QStringList selectedFiles() const;
    void selectFiles(const QStringList& files);

signals:
    void openRequested(const QString& file);
    void compareRequested(const QStringList& files);
    void renameRequested(const QString& file, const QString& name);
    void exportRequested(const QString& file);
    void deleteRequested(const QStringList& files); // confirmed
    void openFileRequested();                       // a result file from elsewhere

private:
    void updateButtons();
    void confirmDelete();
    void itemEdited(QTableWidgetItem* item);

    QLabel* skipped_;
    QLabel* empty_;
    QTableWidget* table_;
    QPushButton* open_;
    QPushButton* compare_;
    QPushButton* export_;
    QPushButton* delete_;
    bool filling_ = false;
};

} // namespace stampede
