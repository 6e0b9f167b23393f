// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "protobufbody.h"

#include <QHash>
#include <QJsonArray>
#include <QList>

namespace Qluster {

namespace {

// Length-delimited fields of one protobuf message, by field number (last one wins, as in proto3).
Result<QHash<int, QByteArray>> readFields(const QByteArray &message)
{
    QHash<int, QByteArray> fields;
    qsizetype pos = 0;
    auto varint = [&](quint64 *value) {
        *value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= message.size())
                return false;
            const quint8 b = quint8(message.at(pos++));
            *value |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    };
    while (pos < message.size()) {
        quint64 key = 0;
        if (!varint(&key))
            return fail(Error::invalid(QStringLiteral("truncated protobuf field key")));
        const int field = int(key >> 3);
        switch (key & 7) {
        case 0: {
            quint64 v = 0;
            if (!varint(&v))
                return fail(Error::invalid(QStringLiteral("truncated protobuf varint")));
            break;
        }
        case 1:
            pos += 8;
            break;
        case 5:
            pos += 4;
            break;
        case 2: {
            quint64 len = 0;
            if (!varint(&len) || len > quint64(message.size() - pos))
                return fail(Error::invalid(QStringLiteral("truncated protobuf bytes")));
            fields.insert(field, message.mid(pos, qsizetype(len)));
            pos += qsizetype(len);
            break;
        }
        default:
            return fail(Error::invalid(QStringLiteral("unsupported protobuf wire type")));
        }
    }
    if (pos > message.size())
        return fail(Error::invalid(QStringLiteral("truncated protobuf message")));
    return fields;
}

// Every length-delimited value of one field number, in order (repeated fields and map entries).
QList<QByteArray> readRepeated(const QByteArray &message, int wanted)
{
    QList<QByteArray> values;
    qsizetype pos = 0;
    while (pos < message.size()) {
        quint64 key = 0;
        int shift = 0;
        while (pos < message.size()) {
            const quint8 b = quint8(message.at(pos++));
            key |= quint64(b & 0x7f) << shift;
            shift += 7;
            if (!(b & 0x80) || shift >= 64)
                break;
        }
        const int wire = int(key & 7);
        if (wire == 0) {
            while (pos < message.size() && (quint8(message.at(pos++)) & 0x80)) {}
        } else if (wire == 1) {
            pos += 8;
        } else if (wire == 5) {
            pos += 4;
        } else if (wire == 2) {
            quint64 len = 0;
            shift = 0;
            while (pos < message.size()) {
                const quint8 b = quint8(message.at(pos++));
                len |= quint64(b & 0x7f) << shift;
                shift += 7;
                if (!(b & 0x80) || shift >= 64)
                    break;
            }
            if (len > quint64(message.size() - pos))
                break;
            if (int(key >> 3) == wanted)
                values << message.mid(pos, qsizetype(len));
            pos += qsizetype(len);
        } else {
            break;
        }
    }
    return values;
}

// A map<string, string|bytes> field as a JSON object (bytes base64-encoded, as in JSON).
QJsonObject readMap(const QByteArray &message, int field, bool bytesValues)
{
    QJsonObject map;
    for (const QByteArray &entry : readRepeated(message, field)) {
        const auto kv = readFields(entry);
        if (!kv)
            continue;
        const QByteArray value = kv->value(2);
        map.insert(QString::fromUtf8(kv->value(1)),
                   bytesValues ? QString::fromLatin1(value.toBase64()) : QString::fromUtf8(value));
    }
    return map;
}

QString text(const QHash<int, QByteArray> &fields, int field)
{
    return QString::fromUtf8(fields.value(field));
}

QJsonObject decodeObjectMeta(const QByteArray &message)
{
    QJsonObject meta;
    const auto fields = readFields(message);
    if (!fields)
        return meta;
    static const char *strings[] = {"", "name", "generateName", "namespace"};
    for (int f = 1; f <= 3; ++f) {
        if (fields->contains(f))
            meta.insert(QLatin1String(strings[f]), text(*fields, f));
    }
    const QJsonObject labels = readMap(message, 11, false);
    if (!labels.isEmpty())
        meta.insert(QStringLiteral("labels"), labels);
    const QJsonObject annotations = readMap(message, 12, false);
    if (!annotations.isEmpty())
        meta.insert(QStringLiteral("annotations"), annotations);
    return meta;
}

// Field numbers from the Kubernetes API's generated.proto (k8s.io/api/core/v1).
Result<QJsonObject> decodeObject(const QString &apiVersion, const QString &kind, const QByteArray &raw)
{
    const auto fields = readFields(raw);
    if (!fields)
        return fail(fields.error());
    QJsonObject o{{QStringLiteral("apiVersion"), apiVersion},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("metadata"), decodeObjectMeta(fields->value(1))}};
    if (apiVersion != QLatin1String("v1"))
        return fail(Error::invalid(QStringLiteral("protobuf is not supported for %1").arg(kind)));
    if (kind == QLatin1String("Namespace")) {
        QJsonArray finalizers;
        for (const QByteArray &f : readRepeated(fields->value(2), 1))
            finalizers.append(QString::fromUtf8(f));
        if (!finalizers.isEmpty())
            o.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("finalizers"), finalizers}});
    } else if (kind == QLatin1String("ConfigMap")) {
        const QJsonObject data = readMap(raw, 2, false);
        const QJsonObject binary = readMap(raw, 3, true);
        if (!data.isEmpty())
            o.insert(QStringLiteral("data"), data);
        if (!binary.isEmpty())
            o.insert(QStringLiteral("binaryData"), binary);
    } else if (kind == QLatin1String("Secret")) {
        const QJsonObject data = readMap(raw, 2, true);
        if (!data.isEmpty())
            o.insert(QStringLiteral("data"), data);
        if (fields->contains(3))
            o.insert(QStringLiteral("type"), text(*fields, 3));
        const QJsonObject stringData = readMap(raw, 4, false);
        if (!stringData.isEmpty())
            o.insert(QStringLiteral("stringData"), stringData);
    } else if (kind != QLatin1String("ServiceAccount")) {
        return fail(Error::invalid(QStringLiteral("protobuf is not supported for %1").arg(kind)));
    }
    return o;
}

} // namespace

Result<QJsonObject> decodeProtobufBody(const QByteArray &body)
{
    static const QByteArray magic("k8s\0", 4);
    if (!body.startsWith(magic))
        return fail(Error::invalid(QStringLiteral("protobuf body without the k8s envelope")));
    auto unknown = readFields(body.mid(4));
    if (!unknown)
        return fail(unknown.error());
    auto typeMeta = readFields(unknown->value(1));
    if (!typeMeta)
        return fail(typeMeta.error());
    const QString apiVersion = text(*typeMeta, 1);
    const QString kind = text(*typeMeta, 2);
    auto object = readFields(unknown->value(2));
    if (!object)
        return fail(object.error());
    if (kind != QLatin1String("SelfSubjectAccessReview") && kind != QLatin1String("SelfSubjectRulesReview"))
        return decodeObject(apiVersion, kind, unknown->value(2));
    auto spec = readFields(object->value(2));
    if (!spec)
        return fail(spec.error());
    QJsonObject jsonSpec;
    if (kind == QLatin1String("SelfSubjectAccessReview")) {
        if (spec->contains(1)) {
            auto ra = readFields(spec->value(1));
            if (!ra)
                return fail(ra.error());
            static const char *names[] = {"", "namespace", "verb", "group", "version", "resource", "subresource", "name"};
            QJsonObject attributes;
            for (int f = 1; f <= 7; ++f) {
                if (ra->contains(f))
                    attributes.insert(QLatin1String(names[f]), text(*ra, f));
            }
            jsonSpec.insert(QStringLiteral("resourceAttributes"), attributes);
        }
        if (spec->contains(2)) {
            auto na = readFields(spec->value(2));
            if (!na)
                return fail(na.error());
            jsonSpec.insert(QStringLiteral("nonResourceAttributes"),
                            QJsonObject{{QStringLiteral("path"), text(*na, 1)}, {QStringLiteral("verb"), text(*na, 2)}});
        }
    } else if (kind == QLatin1String("SelfSubjectRulesReview")) {
        jsonSpec.insert(QStringLiteral("namespace"), text(*spec, 1));
    } else {
        return decodeObject(apiVersion, kind, unknown->value(2));
    }
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), QJsonObject{}},
                       {QStringLiteral("spec"), jsonSpec}};
}

} // namespace Qluster
