// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/objectsummary.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace Qluster::Ui {

/// ObjectOverview shows one full object for the detail pane's Overview tab: metadata, labels,
/// annotations, owner references (as links) and status conditions.
class ObjectOverview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObjectOverview)
public:
    explicit ObjectOverview(QWidget *parent = nullptr);

    /// ObjectOverview::setObject renders the summary of a full object.
    void setObject(const ObjectSummary &object);
    /// ObjectOverview::setMessage shows a line instead of an object (loading, or an error).
    void setMessage(const QString &message);
    /// ObjectOverview::object is the object shown (empty after setMessage).
    const ObjectSummary &object() const { return m_object; }
    /// ObjectOverview::text is the rendered text (for tests and accessibility).
    QString text() const;

Q_SIGNALS:
    /// ownerActivated is emitted when the user follows an owner reference link.
    void ownerActivated(const QString &apiVersion, const QString &kind, const QString &name);

private:
    QTextBrowser *m_browser = nullptr;
    ObjectSummary m_object;
};

} // namespace Qluster::Ui
