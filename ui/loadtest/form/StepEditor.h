#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace stampede {

class BodyEditor;
class CapturesEditor;
class FieldProblems;
class HeadersEditor;

// One step of the scenario, field by field: its name, method and URL, headers, body, the
// pause after it, the statuses that count as success, and the values it captures. Problems
// of the step on screen show beside its fields as "scenario.step.<field>".
class StepEditor : public QWidget {
    Q_OBJECT
public:
    // The prefix under which this editor's fields are known to `problems`.
    static inline const QString kField = QStringLiteral("scenario.step");

    StepEditor(FieldProblems* problems, QWidget* parent = nullptr);

    Step step() const;
    void showStep(const Step& step);

signals:
    void changed();

private:
    void showUrlSlots();

    QLineEdit* name_;
    QComboBox* method_;
    QLineEdit* url_;
    QLabel* urlSlots_;
    HeadersEditor* headers_;
    BodyEditor* body_;
    QSpinBox* thinkTime_;
    QLineEdit* expectStatus_;
    CapturesEditor* captures_;
};

} // namespace stampede
