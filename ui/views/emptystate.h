// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Qluster::Ui {

/// EmptyState fills a pane that has nothing to show yet with a title and what to do about it.
class EmptyState final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)
public:
    explicit EmptyState(const QString &title, const QString &hint, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setHint(const QString &hint);
    QString title() const;
    QString hint() const;

    /// EmptyState::setActionText shows a button under the hint (empty text hides it).
    void setActionText(const QString &text);
    QString actionText() const;

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_title; // not owned (child)
    QLabel *m_hint; // not owned (child)
    QPushButton *m_action; // not owned (child)
};

} // namespace Qluster::Ui
