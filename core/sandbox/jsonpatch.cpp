// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonpatch.h"

#include "edit/jsonpointer.h"
#include "edit/jsonutil.h"

#include <QJsonObject>

namespace Qluster {

namespace {

QJsonValue mergeValue(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject patchObject = patch.toObject();
    for (auto it = patchObject.constBegin(); it != patchObject.constEnd(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergeValue(result.value(it.key()), it.value()));
    }
    return result;
}

enum class Mutation { Add, Remove, Replace };

// Applies one mutation at pointer inside node (recursively rebuilding the value-typed Qt JSON
// containers on the way back up). removed receives the value a Remove took out.
Result<QJsonValue> mutate(const QJsonValue &node, const JsonPointer &pointer, qsizetype depth,
                          Mutation mutation, const QJsonValue &value, QJsonValue *removed)
{
    const QStringList &tokens = pointer.tokens();
    if (depth == tokens.size()) {
        // Only reachable for the root pointer "".
        if (mutation == Mutation::Remove) {
            if (removed)
                *removed = node;
            return QJsonValue(QJsonValue::Null);
        }
        return value;
    }
    const QString &token = tokens.at(depth);
    const bool last = depth + 1 == tokens.size();
    const auto missing = [&] {
        return fail(Error::invalid(
            QStringLiteral("path %1 does not exist")
                .arg(JsonPointer(tokens.mid(0, depth + 1)).toString())));
    };

    if (node.isObject()) {
        QJsonObject object = node.toObject();
        const auto it = object.find(token);
        if (last) {
            switch (mutation) {
            case Mutation::Add:
                object.insert(token, value);
                break;
            case Mutation::Remove:
                if (it == object.end())
                    return missing();
                if (removed)
                    *removed = it.value();
                object.erase(it);
                break;
            case Mutation::Replace:
                if (it == object.end())
                    return missing();
                it.value() = value;
                break;
            }
            return QJsonValue(object);
        }
        if (it == object.end())
            return missing();
        auto child = mutate(it.value(), pointer, depth + 1, mutation, value, removed);
        if (!child)
            return child;
        object.insert(token, *child);
        return QJsonValue(object);
    }

    if (node.isArray()) {
        QJsonArray array = node.toArray();
        qsizetype index = -1;
        if (token == QLatin1String("-") && last && mutation == Mutation::Add)
            index = array.size();
        else
            index = JsonPointer::arrayIndex(token);
        const qsizetype limit = last && mutation == Mutation::Add ? array.size() : array.size() - 1;
        if (index < 0 || index > limit)
            return fail(Error::invalid(
                QStringLiteral("invalid array index \"%1\" at %2 (array has %3 elements)")
                    .arg(token, JsonPointer(tokens.mid(0, depth + 1)).toString())
                    .arg(array.size())));
        if (last) {
            switch (mutation) {
            case Mutation::Add:
                array.insert(index, value);
                break;
            case Mutation::Remove:
                if (removed)
                    *removed = array.at(index);
                array.removeAt(index);
                break;
            case Mutation::Replace:
                array.replace(index, value);
                break;
            }
            return QJsonValue(array);
        }
        auto child = mutate(array.at(index), pointer, depth + 1, mutation, value, removed);
        if (!child)
            return child;
        array.replace(index, *child);
        return QJsonValue(array);
    }
    return missing();
}

Result<JsonPointer> pointerMember(const QJsonObject &op, const QString &member)
{
    const auto it = op.constFind(member);
    if (it == op.constEnd() || !it.value().isString())
        return fail(Error::invalid(QStringLiteral("missing \"%1\" string").arg(member)));
    return JsonPointer::parse(it.value().toString());
}

Result<QJsonValue> applyOne(const QJsonValue &document, const QJsonObject &op)
{
    const QString name = op.value(QLatin1String("op")).toString();
    auto path = pointerMember(op, QStringLiteral("path"));
    if (!path)
        return fail(path.error());
    const auto valueIt = op.constFind(QLatin1String("value"));
    const bool needsValue = name == QLatin1String("add") || name == QLatin1String("replace")
                            || name == QLatin1String("test");
    if (needsValue && valueIt == op.constEnd())
        return fail(Error::invalid(QStringLiteral("missing \"value\"")));
    const QJsonValue value = valueIt == op.constEnd() ? QJsonValue() : valueIt.value();

    if (name == QLatin1String("add"))
        return mutate(document, *path, 0, Mutation::Add, value, nullptr);
    if (name == QLatin1String("remove"))
        return mutate(document, *path, 0, Mutation::Remove, {}, nullptr);
    if (name == QLatin1String("replace"))
        return mutate(document, *path, 0, Mutation::Replace, value, nullptr);
    if (name == QLatin1String("test")) {
        auto current = path->get(document);
        if (!current)
            return fail(current.error());
        if (!jsonEquals(*current, value))
            return fail(Error::invalid(
                QStringLiteral("test operation failed at %1").arg(path->toString())));
        return document;
    }
    if (name == QLatin1String("move") || name == QLatin1String("copy")) {
        auto from = pointerMember(op, QStringLiteral("from"));
        if (!from)
            return fail(from.error());
        auto source = from->get(document);
        if (!source)
            return fail(source.error());
        if (name == QLatin1String("copy"))
            return mutate(document, *path, 0, Mutation::Add, *source, nullptr);
        if (*from == *path)
            return document;
        if (from->isProperPrefixOf(*path))
            return fail(Error::invalid(QStringLiteral("cannot move %1 into its own child %2")
                                           .arg(from->toString(), path->toString())));
        auto without = mutate(document, *from, 0, Mutation::Remove, {}, nullptr);
        if (!without)
            return without;
        return mutate(*without, *path, 0, Mutation::Add, *source, nullptr);
    }
    return fail(Error::invalid(QStringLiteral("unknown operation \"%1\"").arg(name)));
}

} // namespace

Result<QJsonValue> applyJsonPatch(const QJsonValue &document, const QJsonValue &patch)
{
    if (!patch.isArray())
        return fail(Error::invalid(QStringLiteral("a JSON patch must be an array of operations")));
    const QJsonArray ops = patch.toArray();
    QJsonValue current = document;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        if (!ops.at(i).isObject())
            return fail(Error::invalid(
                QStringLiteral("JSON patch operation %1 is not an object").arg(i)));
        const QJsonObject op = ops.at(i).toObject();
        auto next = applyOne(current, op);
        if (!next) {
            Error e = next.error();
            e.message = QStringLiteral("JSON patch operation %1 (%2 %3): %4")
                            .arg(i)
                            .arg(op.value(QLatin1String("op")).toString(),
                                 op.value(QLatin1String("path")).toString(), e.message);
            return fail(e);
        }
        current = *next;
    }
    return current;
}

Result<QJsonValue> applyMergePatch(const QJsonValue &document, const QJsonValue &patch)
{
    if (!patch.isObject())
        return fail(Error::invalid(QStringLiteral("a merge patch must be a JSON object")));
    return mergeValue(document, patch);
}

} // namespace Qluster
