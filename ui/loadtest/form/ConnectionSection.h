#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace stampede {

class FieldProblems;

// The form's "Connection" tab: how requests travel — the transport and its threads, timeouts,
// HTTP version, keep-alive, TLS verification and redirects.
class ConnectionSection : public QWidget {
    Q_OBJECT
public:
    ConnectionSection(FieldProblems* problems, QWidget* parent = nullptr);

    void readInto(Plan& plan) const;
    void showPlan(const Plan& plan);
    // Which transport the plan as it stands gets, and why.
    void showTransport(const QString& text);

signals:
    void changed();

private:
    QComboBox* engine_;
    QLabel* engineChoice_;
    QSpinBox* threads_;
    QSpinBox* timeout_;
    QSpinBox* connectTimeout_;
    QComboBox* httpVersion_;
    QCheckBox* keepAlive_;
    QCheckBox* verifyTls_;
    QCheckBox* followRedirects_;
    QSpinBox* maxRedirects_;
};

} // namespace stampede
