#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

#include <vector>

class QTableWidget;
class QToolButton;

namespace stampede {

class DecimalSpinBox;

// The ramps of a load shape: one row per stage, its duration and the level it reaches, with
// add and remove buttons. The unit of the target follows the load model.
class StagesEditor : public QWidget {
    Q_OBJECT
public:
    explicit StagesEditor(QWidget* parent = nullptr);

    std::vector<Stage> stages() const;
    void setStages(const std::vector<Stage>& stages);
    // Users (closed) or req/s (open); `base` is where a first stage starts from.
    void setModel(LoadShape::Model model, double base);
    void markCell(int row, const QString& key); // -1 clears

    QTableWidget* table() const { return table_; }
    DecimalSpinBox* durationBox(int row) const;
    DecimalSpinBox* targetBox(int row) const;

signals:
    void changed();

private:
    void appendRow(const Stage& stage);
    void addStage();
    void removeStage();
    void removeRowNow(int row);

    QTableWidget* table_;
    QToolButton* add_;
    QToolButton* remove_;
    LoadShape::Model model_ = LoadShape::Model::Closed;
    double base_ = 0;
};

} // namespace stampede
