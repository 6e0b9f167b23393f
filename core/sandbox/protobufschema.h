// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Qluster {

/// ProtobufField describes one field of a protobuf message: its number, its JSON name and how
/// its value is encoded.
struct ProtobufField
{
    enum class Type { String, Bytes, Int32, Int64, Bool, Double, Message };

    int number = 0;
    QString jsonName;
    Type type = Type::String;
    QString messageName; ///< full name of the message type when type is Message
    bool repeated = false;
    bool map = false; ///< map<string, type>: repeated entries {1: key, 2: value}
    bool emitZero = false; ///< the JSON form keeps a zero value (Go pointer or no omitempty)
    bool inlined = false; ///< an embedded Go struct: its fields appear in the parent object
};

/// ProtobufMessage lists the fields of one message, found by field number.
struct ProtobufMessage
{
    QString name; ///< full name, e.g. "k8s.io.api.core.v1.PodSpec"
    QList<ProtobufField> fields;

    const ProtobufField *field(int number) const;
    const ProtobufField *fieldNamed(const QString &jsonName) const;
};

/// ProtobufSchema holds message descriptors and the top-level kinds they decode, read from
/// the proto2 subset described in core/sandbox/kubernetesapi.proto.
class ProtobufSchema final
{
public:
    /// ProtobufSchema::parse reads a schema text; every type it names must be defined in it.
    static Result<ProtobufSchema> parse(const QByteArray &text);

    /// ProtobufSchema::kubernetes returns the sandbox's built-in schema (the resource
    /// :/sandbox/kubernetesapi.proto), or the error that stopped it from loading.
    static const Result<ProtobufSchema> &kubernetes();

    const ProtobufMessage *message(const QString &fullName) const;

    /// ProtobufSchema::messageForKind returns the full message name of a top-level kind, e.g.
    /// ("apps/v1", "Deployment") → "k8s.io.api.apps.v1.Deployment", or an empty string.
    QString messageForKind(const QString &apiVersion, const QString &kind) const;

    QStringList messageNames() const;
    QStringList kinds() const; ///< "apiVersion/Kind" of every top-level kind

private:
    QHash<QString, ProtobufMessage> m_messages;
    QHash<QString, QString> m_kinds; ///< "apiVersion Kind" → full message name
};

} // namespace Qluster
