#include "ui/loadtest/form/FieldProblems.h"

#include <QFormLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace stampede {
namespace {

QLabel* problemLabel(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet("color: #c0392b");
    label->hide();
    return label;
}

} // namespace

FieldProblems::FieldProblems(QLabel* general, QObject* parent)
    : QObject(parent)
    , general_(general) {}

QWidget* FieldProblems::wrap(const QString& field, QWidget* editor, QWidget* parent,
                             CellMarker marker) {
    auto* row = new QWidget(parent);
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(editor);
    QLabel* label = problemLabel(row, "problem:" + field);
    layout->addWidget(label);
    places_.insert(field, {label, row, std::move(marker)});
    return row;
}

void FieldProblems::addRow(QFormLayout* form, const QString& label, const QString& field,
                           QWidget* editor) {
    form->addRow(label, wrap(field, editor, form->parentWidget()));
    if (QWidget* shown = form->labelForField(places_.value(field).row))
        shown->setToolTip(editor->toolTip());
}

void FieldProblems::alias(const QString& field, const QString& shownAt) {
    places_.insert(field, places_.value(shownAt));
}

QWidget* FieldProblems::show(const QString& field, const QString& message) {
    general_->hide();
    for (const Place& place : places_) {
        place.label->hide();
        if (place.marker)
            place.marker(-1, {});
    }
    if (message.isEmpty())
        return nullptr;

    // "request.headers[2].name" -> list "request.headers", row 2, key "name".
    static const QRegularExpression indexed(R"(^(.*)\[(\d+)\]\.?(.*)$)");
    const auto match = indexed.match(field);
    const QString list = match.hasMatch() ? match.captured(1) : field;
    const auto place = places_.constFind(places_.contains(field) ? field : list);
    if (place == places_.cend()) {
        general_->setText(field.isEmpty() ? message : field + ": " + message);
        general_->show();
        return nullptr;
    }
    QString text = message;
    if (match.hasMatch() && place->marker) {
        const int row = match.captured(2).toInt();
        place->marker(row, match.captured(3));
        text = tr("Row %1: %2").arg(row + 1).arg(message);
    }
    place->label->setText(text);
    place->label->show();
    return place->row;
}

QString FieldProblems::text() const {
    // Hidden tabs hide their rows, so look at the labels' own state, not their visibility.
    if (!general_->isHidden())
        return general_->text();
    for (const Place& place : places_)
        if (!place.label->isHidden())
            return place.label->text();
    return {};
}

} // namespace stampede
