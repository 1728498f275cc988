#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace stampede {

class FieldProblems;

// The form's "Connection" tab: how requests travel — the transport and its threads, timeouts,
// HTTP version, keep-alive, TLS verification and the certificates to trust, and redirects.
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

private slots:
    void chooseCaCertFile();

private:
    QComboBox* engine_;
    QLabel* engineChoice_;
    QSpinBox* threads_;
    QSpinBox* timeout_;
    QSpinBox* connectTimeout_;
    QComboBox* httpVersion_;
    QCheckBox* keepAlive_;
    QCheckBox* verifyTls_;
    QLineEdit* caCertFile_;
    QToolButton* browseCaCertFile_;
    QCheckBox* followRedirects_;
    QSpinBox* maxRedirects_;
};

} // namespace stampede
