// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Qluster {

/// FieldSelector is a parsed `fieldSelector` query (`field=value`, `field==value`, `field!=value`,
/// ANDed). Supported fields: metadata.name, metadata.namespace and, for pods, status.phase and
/// spec.nodeName; others are rejected as the apiserver does.
class FieldSelector final
{
public:
    struct Requirement
    {
        QString field;
        bool negated = false;
        QString value;
    };

    /// FieldSelector::parse reads the text form; `kind` (e.g. "Pod") decides which fields are valid.
    static Result<FieldSelector> parse(const QString &text, const QString &kind);

    /// FieldSelector::matches tells whether the object satisfies every requirement.
    bool matches(const QJsonObject &object) const;
    bool isEmpty() const { return m_requirements.isEmpty(); }

    /// FieldSelector::fieldValue reads a supported field of an object ("" when absent).
    static QString fieldValue(const QJsonObject &object, const QString &field);

private:
    QList<Requirement> m_requirements;
};

} // namespace Qluster
