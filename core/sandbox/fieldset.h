// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema/patchmeta.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QStringList>

#include <optional>

namespace Qluster {

/// FieldPath is a path of fieldsV1 path elements: "f:spec", "k:{\"name\":\"web\"}" (an element
/// of a keyed list), "v:\"a\"" (a value of a set list), "i:0" (an index).
using FieldPath = QStringList;

/// fieldPathToString renders a path the way kube-apiserver names fields in apply conflicts:
/// ".spec.template.spec.containers[name=\"nginx\"].image", ".metadata.finalizers[=\"a\"]".
QString fieldPathToString(const FieldPath &path);

/// FieldSet is a set of field paths as server-side apply tracks them (the fieldsV1 format of
/// managedFields: nested "f:", "k:", "v:", "i:" keys, "." marking a member that has children).
class FieldSet final
{
public:
    /// FieldSet::fromFieldsV1 reads a managedFields[].fieldsV1 object.
    static Result<FieldSet> fromFieldsV1(const QJsonObject &fieldsV1);
    /// FieldSet::toFieldsV1 writes the set as a fieldsV1 object.
    QJsonObject toFieldsV1() const;

    /// FieldSet::fromObject is the set of fields an object specifies, as structured-merge-diff
    /// computes it: every scalar, atomic list or atomic map, every element of keyed and set
    /// lists, every key of a free-form map, and empty objects. List kinds come from meta.
    static FieldSet fromObject(const QJsonObject &object, const PatchMetaLookup &meta);

    /// FieldSet::isEmpty is true when the set has no member.
    bool isEmpty() const { return !m_root.member && m_root.children.isEmpty(); }
    /// FieldSet::contains is true when path itself is a member.
    bool contains(const FieldPath &path) const;
    /// FieldSet::insert makes path a member (its parents become nodes, not members).
    void insert(const FieldPath &path);
    /// FieldSet::members lists every path in the set, parents before children.
    QList<FieldPath> members() const;
    /// FieldSet::leaves lists the members that have no member below them.
    QList<FieldPath> leaves() const;
    /// FieldSet::hasMemberAtOrBelow is true when path or any path under it is a member.
    bool hasMemberAtOrBelow(const FieldPath &path) const;

    /// FieldSet::united is the union of both sets.
    FieldSet united(const FieldSet &other) const;
    /// FieldSet::subtracted is this set without the members of other.
    FieldSet subtracted(const FieldSet &other) const;
    /// FieldSet::intersected is the members both sets have.
    FieldSet intersected(const FieldSet &other) const;
    /// FieldSet::without drops the given paths and everything under them.
    FieldSet without(const QList<FieldPath> &paths) const;

    friend bool operator==(const FieldSet &a, const FieldSet &b) { return a.toFieldsV1() == b.toFieldsV1(); }

    /// FieldSet::Node is one path element of the set's tree.
    struct Node
    {
        bool member = false;
        QMap<QString, Node> children;
    };

private:
    Node m_root;
};

/// FieldPathElement builds path elements for fieldsV1.
namespace FieldPathElement {
/// FieldPathElement::field is "f:" + name, an object field.
QString field(const QString &name);
/// FieldPathElement::key is "k:" + the key fields of element as compact JSON with sorted names.
QString key(const QJsonObject &element, const QStringList &keyFields);
/// FieldPathElement::value is "v:" + the value as compact JSON, an element of a set list.
QString value(const QJsonValue &value);
} // namespace FieldPathElement

/// ListKind is how server-side apply treats a list field: replaced whole, a set of values, or
/// a map of elements keyed by some of their fields.
enum class ListKind { Atomic, Set, Keyed };

/// listKindOf derives the ListKind from x-kubernetes-list-type / -list-map-keys, falling back to
/// the strategic-merge metadata (merge + merge key = keyed, merge alone = set) as kube-apiserver
/// does for built-in types; keys receives the key fields of a keyed list.
ListKind listKindOf(const PatchMeta &meta, QStringList *keys);

/// fieldValue returns the value at path inside object, if the path exists.
std::optional<QJsonValue> fieldValue(const QJsonValue &object, const FieldPath &path);

/// removeField removes the member at path from object (an object key, a list element);
/// returns false when it did not exist.
bool removeField(QJsonValue &object, const FieldPath &path);

} // namespace Qluster
