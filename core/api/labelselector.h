// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Qluster {

/// LabelSelector is a parsed `labelSelector` query: requirements with the operators
/// `=`, `==`, `!=`, `in`, `notin`, exists (`key`) and does-not-exist (`!key`), all ANDed.
class LabelSelector final
{
public:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Op op = Op::Exists;
        QStringList values;
    };

    /// LabelSelector::parse reads the text form used in URLs; an empty text selects everything.
    static Result<LabelSelector> parse(const QString &text);
    /// LabelSelector::fromObject reads a metav1.LabelSelector object (matchLabels and
    /// matchExpressions); an empty object selects everything. A null selector (which selects
    /// nothing in PodDisruptionBudgets) is the caller's to handle.
    static Result<LabelSelector> fromObject(const QJsonObject &selector);

    /// LabelSelector::matches tells whether an object's `metadata.labels` satisfy every requirement.
    bool matches(const QJsonObject &labels) const;
    bool isEmpty() const { return m_requirements.isEmpty(); }
    const QList<Requirement> &requirements() const { return m_requirements; }

private:
    QList<Requirement> m_requirements;
};

} // namespace Qluster
