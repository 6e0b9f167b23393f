// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "fieldset.h"

#include "edit/jsonutil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Qluster {

namespace {

using Node = FieldSet::Node;

QString compactJson(const QJsonValue &v)
{
    const QByteArray bytes = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(bytes.mid(1, bytes.size() - 2));
}

std::optional<QJsonValue> parseJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

Result<Node> readNode(const QJsonObject &o, int depth)
{
    if (depth > 200)
        return fail(Error::invalid(QStringLiteral("fieldsV1 nested too deeply")));
    Node node;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString &k = it.key();
        if (k == QLatin1String(".")) {
            node.member = true;
            continue;
        }
        if (!(k.startsWith(QLatin1String("f:")) || k.startsWith(QLatin1String("k:"))
              || k.startsWith(QLatin1String("v:")) || k.startsWith(QLatin1String("i:"))))
            return fail(Error::invalid(QStringLiteral("invalid fieldsV1 path element \"%1\"").arg(k)));
        if (!it.value().isObject())
            return fail(Error::invalid(QStringLiteral("fieldsV1 entry \"%1\" is not an object").arg(k)));
        auto child = readNode(it.value().toObject(), depth + 1);
        if (!child)
            return fail(child.error());
        if (child->children.isEmpty())
            child->member = true;
        node.children.insert(k, *child);
    }
    return node;
}

QJsonObject writeNode(const Node &node)
{
    QJsonObject o;
    if (node.member && !node.children.isEmpty())
        o.insert(QStringLiteral("."), QJsonObject());
    for (auto it = node.children.constBegin(); it != node.children.constEnd(); ++it)
        o.insert(it.key(), writeNode(it.value()));
    return o;
}

bool isEmptyNode(const Node &n)
{
    return !n.member && n.children.isEmpty();
}

Node unite(const Node &a, const Node &b)
{
    Node out = a;
    out.member = a.member || b.member;
    for (auto it = b.children.constBegin(); it != b.children.constEnd(); ++it) {
        const auto mine = out.children.constFind(it.key());
        out.children.insert(it.key(), mine == out.children.constEnd() ? it.value() : unite(mine.value(), it.value()));
    }
    return out;
}

Node subtract(const Node &a, const Node &b)
{
    Node out;
    out.member = a.member && !b.member;
    for (auto it = a.children.constBegin(); it != a.children.constEnd(); ++it) {
        const auto other = b.children.constFind(it.key());
        Node child = other == b.children.constEnd() ? it.value() : subtract(it.value(), other.value());
        if (!isEmptyNode(child))
            out.children.insert(it.key(), child);
    }
    return out;
}

Node intersect(const Node &a, const Node &b)
{
    Node out;
    out.member = a.member && b.member;
    for (auto it = a.children.constBegin(); it != a.children.constEnd(); ++it) {
        const auto other = b.children.constFind(it.key());
        if (other == b.children.constEnd())
            continue;
        Node child = intersect(it.value(), other.value());
        if (!isEmptyNode(child))
            out.children.insert(it.key(), child);
    }
    return out;
}

void collect(const Node &node, FieldPath &path, QList<FieldPath> &out, bool leavesOnly)
{
    for (auto it = node.children.constBegin(); it != node.children.constEnd(); ++it) {
        path.append(it.key());
        const Node &child = it.value();
        if (child.member && (!leavesOnly || child.children.isEmpty()))
            out.append(path);
        collect(child, path, out, leavesOnly);
        path.removeLast();
    }
}

} // namespace

ListKind listKindOf(const PatchMeta &meta, QStringList *keys)
{
    if (meta.listType == QLatin1String("map")) {
        *keys = meta.listMapKeys;
        return keys->isEmpty() ? ListKind::Atomic : ListKind::Keyed;
    }
    if (meta.listType == QLatin1String("set"))
        return ListKind::Set;
    if (meta.listType == QLatin1String("atomic"))
        return ListKind::Atomic;
    if (meta.hasStrategy(QStringLiteral("merge"))) {
        if (!meta.mergeKey.isEmpty()) {
            *keys = QStringList{meta.mergeKey};
            return ListKind::Keyed;
        }
        return ListKind::Set;
    }
    return ListKind::Atomic;
}

namespace {

void walk(const QJsonValue &value, const QStringList &metaPath, const PatchMeta &meta,
          const PatchMetaLookup &lookup, Node &node)
{
    if (value.isObject()) {
        if (meta.mapType == QLatin1String("atomic")) {
            node.member = true;
            return;
        }
        const QJsonObject o = value.toObject();
        if (o.isEmpty()) {
            node.member = true;
            return;
        }
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QStringList childPath = metaPath + QStringList{it.key()};
            const PatchMeta childMeta = lookup.patchMeta(childPath);
            Node &child = node.children[FieldPathElement::field(it.key())];
            walk(it.value(), childPath, childMeta, lookup, child);
            if (it.value().isNull() || !meta.structural)
                child.member = true;
        }
        return;
    }
    if (value.isArray()) {
        QStringList keys;
        const ListKind kind = listKindOf(meta, &keys);
        const QJsonArray list = value.toArray();
        if (kind == ListKind::Atomic || list.isEmpty()) {
            node.member = true;
            return;
        }
        for (const QJsonValue &item : list) {
            if (kind == ListKind::Set || !item.isObject()) {
                node.children[FieldPathElement::value(item)].member = true;
                continue;
            }
            Node &child = node.children[FieldPathElement::key(item.toObject(), keys)];
            walk(item, metaPath, meta, lookup, child);
            child.member = true;
        }
        return;
    }
    node.member = true;
}

bool elementMatches(const QJsonValue &element, const QString &pe)
{
    if (pe.startsWith(QLatin1String("v:"))) {
        const auto v = parseJson(pe.mid(2));
        return v && jsonEquals(*v, element);
    }
    if (pe.startsWith(QLatin1String("k:"))) {
        const auto k = parseJson(pe.mid(2));
        if (!k || !k->isObject() || !element.isObject())
            return false;
        const QJsonObject keyObject = k->toObject();
        const QJsonObject e = element.toObject();
        for (auto it = keyObject.constBegin(); it != keyObject.constEnd(); ++it) {
            if (!jsonEquals(e.value(it.key()), it.value()))
                return false;
        }
        return true;
    }
    return false;
}

qsizetype findElement(const QJsonArray &list, const QString &pe)
{
    if (pe.startsWith(QLatin1String("i:"))) {
        bool ok = false;
        const qsizetype i = pe.mid(2).toLongLong(&ok);
        return ok && i >= 0 && i < list.size() ? i : -1;
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (elementMatches(list.at(i), pe))
            return i;
    }
    return -1;
}

bool removeAt(QJsonValue &node, const FieldPath &path, qsizetype depth)
{
    const QString &pe = path.at(depth);
    const bool last = depth + 1 == path.size();
    if (pe.startsWith(QLatin1String("f:"))) {
        if (!node.isObject())
            return false;
        QJsonObject o = node.toObject();
        const QString name = pe.mid(2);
        if (!o.contains(name))
            return false;
        if (last) {
            o.remove(name);
        } else {
            QJsonValue child = o.value(name);
            if (!removeAt(child, path, depth + 1))
                return false;
            o.insert(name, child);
        }
        node = o;
        return true;
    }
    if (!node.isArray())
        return false;
    QJsonArray list = node.toArray();
    const qsizetype i = findElement(list, pe);
    if (i < 0)
        return false;
    if (last) {
        list.removeAt(i);
    } else {
        QJsonValue child = list.at(i);
        if (!removeAt(child, path, depth + 1))
            return false;
        list.replace(i, child);
    }
    node = list;
    return true;
}

} // namespace

namespace FieldPathElement {

QString field(const QString &name)
{
    return QStringLiteral("f:") + name;
}

QString key(const QJsonObject &element, const QStringList &keyFields)
{
    QJsonObject key;
    for (const QString &k : keyFields) {
        if (element.contains(k))
            key.insert(k, element.value(k));
    }
    // QJsonObject keeps its keys sorted, matching the sorted field list of a fieldsV1 key.
    return QStringLiteral("k:") + compactJson(key);
}

QString value(const QJsonValue &v)
{
    return QStringLiteral("v:") + compactJson(v);
}

} // namespace FieldPathElement

QString fieldPathToString(const FieldPath &path)
{
    QString out;
    for (const QString &pe : path) {
        if (pe.startsWith(QLatin1String("f:"))) {
            out += QLatin1Char('.') + pe.mid(2);
        } else if (pe.startsWith(QLatin1String("k:"))) {
            const auto k = parseJson(pe.mid(2));
            QStringList parts;
            const QJsonObject o = k ? k->toObject() : QJsonObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                parts.append(it.key() + QLatin1Char('=') + compactJson(it.value()));
            out += QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
        } else if (pe.startsWith(QLatin1String("v:"))) {
            out += QStringLiteral("[=") + pe.mid(2) + QLatin1Char(']');
        } else if (pe.startsWith(QLatin1String("i:"))) {
            out += QLatin1Char('[') + pe.mid(2) + QLatin1Char(']');
        } else {
            out += pe;
        }
    }
    return out;
}

Result<FieldSet> FieldSet::fromFieldsV1(const QJsonObject &fieldsV1)
{
    auto node = readNode(fieldsV1, 0);
    if (!node)
        return fail(node.error());
    FieldSet set;
    set.m_root = *node;
    set.m_root.member = false;
    return set;
}

QJsonObject FieldSet::toFieldsV1() const
{
    Node root = m_root;
    root.member = false;
    return writeNode(root);
}

FieldSet FieldSet::fromObject(const QJsonObject &object, const PatchMetaLookup &meta)
{
    FieldSet set;
    PatchMeta rootMeta = meta.patchMeta(QStringList());
    walk(object, QStringList(), rootMeta, meta, set.m_root);
    set.m_root.member = false;
    return set;
}

bool FieldSet::contains(const FieldPath &path) const
{
    const Node *node = &m_root;
    for (const QString &pe : path) {
        const auto it = node->children.constFind(pe);
        if (it == node->children.constEnd())
            return false;
        node = &it.value();
    }
    return node->member;
}

bool FieldSet::hasMemberAtOrBelow(const FieldPath &path) const
{
    const Node *node = &m_root;
    for (const QString &pe : path) {
        const auto it = node->children.constFind(pe);
        if (it == node->children.constEnd())
            return false;
        node = &it.value();
    }
    return node->member || !node->children.isEmpty();
}

void FieldSet::insert(const FieldPath &path)
{
    Node *node = &m_root;
    for (const QString &pe : path)
        node = &node->children[pe];
    node->member = true;
}

QList<FieldPath> FieldSet::members() const
{
    QList<FieldPath> out;
    FieldPath path;
    collect(m_root, path, out, false);
    return out;
}

QList<FieldPath> FieldSet::leaves() const
{
    QList<FieldPath> out;
    FieldPath path;
    collect(m_root, path, out, true);
    return out;
}

FieldSet FieldSet::united(const FieldSet &other) const
{
    FieldSet out;
    out.m_root = unite(m_root, other.m_root);
    return out;
}

FieldSet FieldSet::subtracted(const FieldSet &other) const
{
    FieldSet out;
    out.m_root = subtract(m_root, other.m_root);
    return out;
}

FieldSet FieldSet::intersected(const FieldSet &other) const
{
    FieldSet out;
    out.m_root = intersect(m_root, other.m_root);
    return out;
}

FieldSet FieldSet::without(const QList<FieldPath> &paths) const
{
    FieldSet out = *this;
    for (const FieldPath &path : paths) {
        if (path.isEmpty())
            continue;
        Node *node = &out.m_root;
        QList<Node *> chain{node};
        bool found = true;
        for (qsizetype i = 0; i + 1 < path.size(); ++i) {
            auto it = node->children.find(path.at(i));
            if (it == node->children.end()) {
                found = false;
                break;
            }
            node = &it.value();
            chain.append(node);
        }
        if (!found)
            continue;
        node->children.remove(path.last());
        // Drop parents left empty.
        for (qsizetype i = chain.size() - 1; i > 0; --i) {
            if (!isEmptyNode(*chain.at(i)))
                break;
            chain.at(i - 1)->children.remove(path.at(i - 1));
        }
    }
    return out;
}

std::optional<QJsonValue> fieldValue(const QJsonValue &object, const FieldPath &path)
{
    QJsonValue node = object;
    for (const QString &pe : path) {
        if (pe.startsWith(QLatin1String("f:"))) {
            const QJsonObject o = node.toObject();
            const auto it = o.constFind(pe.mid(2));
            if (!node.isObject() || it == o.constEnd())
                return std::nullopt;
            node = it.value();
        } else {
            if (!node.isArray())
                return std::nullopt;
            const QJsonArray list = node.toArray();
            const qsizetype i = findElement(list, pe);
            if (i < 0)
                return std::nullopt;
            node = list.at(i);
        }
    }
    return node;
}

bool removeField(QJsonValue &object, const FieldPath &path)
{
    if (path.isEmpty())
        return false;
    return removeAt(object, path, 0);
}

} // namespace Qluster
