// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Qluster {

/// PatchMeta is what the schema says about merging one field: the strategic-merge strategy and
/// merge key (x-kubernetes-patch-strategy / -merge-key) and the server-side-apply list and map
/// types (x-kubernetes-list-type / -list-map-keys / -map-type).
struct PatchMeta
{
    QStringList strategies;  ///< "merge", "replace", "retainKeys" (comma list split)
    QString mergeKey;        ///< e.g. "name" for containers, "containerPort" for ports
    QString listType;        ///< "atomic", "set", "map" or empty
    QStringList listMapKeys; ///< keys of a "map" list, e.g. ["containerPort", "protocol"]
    QString mapType;         ///< "atomic", "granular" or empty (structs and maps)
    QString type;            ///< the field's JSON schema type when known ("array", "object", ...)
    /// True when the field (or, for a list, its elements) is an object whose keys are declared
    /// properties (a struct), false for free-form maps and unknown schemas. Server-side apply
    /// owns every key of a free-form map separately.
    bool structural = false;

    bool hasStrategy(const QString &strategy) const { return strategies.contains(strategy); }
    /// PatchMeta::isMergeList is true for a list merged element by element by strategic merge.
    bool isMergeList() const { return hasStrategy(QStringLiteral("merge")); }
    /// PatchMeta::fromSchema reads the x-kubernetes-* extensions of one schema object.
    static PatchMeta fromSchema(const QJsonObject &schema);

    friend bool operator==(const PatchMeta &, const PatchMeta &) = default;
};

/// PatchMetaLookup answers patch metadata for a field path inside one kind of object. The path
/// lists field names from the object root ("spec", "template", "spec", "containers"); list
/// elements are transparent (no index), map keys appear as names. Unknown fields give an empty
/// PatchMeta, which the merge code treats as "replace lists, merge maps".
class PatchMetaLookup
{
public:
    virtual ~PatchMetaLookup() = default;
    virtual PatchMeta patchMeta(const QStringList &path) const = 0;
};

/// NoPatchMeta is the PatchMetaLookup for objects without a schema (e.g. CRDs without one).
class NoPatchMeta final : public PatchMetaLookup
{
public:
    PatchMeta patchMeta(const QStringList &) const override { return {}; }
};

} // namespace Qluster
