// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "protobufreviews.h"

#include <QHash>

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

QString text(const QHash<int, QByteArray> &fields, int field)
{
    return QString::fromUtf8(fields.value(field));
}

} // namespace

Result<QJsonObject> decodeProtobufReview(const QByteArray &body)
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
        return fail(Error::invalid(QStringLiteral("protobuf is not supported for %1").arg(kind)));
    }
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), QJsonObject{}},
                       {QStringLiteral("spec"), jsonSpec}};
}

} // namespace Qluster
