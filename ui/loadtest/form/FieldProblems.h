#pragma once

#include <QMap>
#include <QObject>
#include <QString>

#include <functional>

class QFormLayout;
class QLabel;
class QWidget;

namespace stampede {

// Where the form shows a problem: under the editor of the field concerned, or in a general
// label for fields the form does not edit. Fields are a plan's JSON paths; an indexed path
// ("request.headers[2].name") lands on the editor registered for its list ("request.headers"),
// which may mark the cell concerned.
class FieldProblems : public QObject {
    Q_OBJECT
public:
    // Marks one element of a list editor: row, and the key after it ("name"); -1 clears.
    using CellMarker = std::function<void(int row, const QString& key)>;

    explicit FieldProblems(QLabel* general, QObject* parent = nullptr);

    // `editor` with its problem label under it, in a row widget parented to `parent`.
    QWidget* wrap(const QString& field, QWidget* editor, QWidget* parent, CellMarker marker = {});
    // A labelled row whose label explains the field with the editor's tooltip.
    void addRow(QFormLayout* form, const QString& label, const QString& field, QWidget* editor);
    // Problems of `field` show where those of `shownAt` do (one editor for several fields).
    void alias(const QString& field, const QString& shownAt);

    // Shows `message` for `field`, hiding any other; an empty message clears. Returns the row
    // it appears in, or nullptr when shown in the general label or cleared.
    QWidget* show(const QString& field, const QString& message);
    QString text() const;

private:
    struct Place {
        QLabel* label = nullptr;
        QWidget* row = nullptr;
        CellMarker marker;
    };

    QLabel* general_;
    QMap<QString, Place> places_;
};

} // namespace stampede
