// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Qluster {

class ProtobufSchema;

/// decodeProtobufBody decodes a request body sent as `application/vnd.kubernetes.protobuf`
/// (the "k8s\0" envelope around runtime.Unknown), as kubectl's typed clients send them, into the
/// JSON object a JSON client would have sent. The decoder is driven by the message descriptors
/// of ProtobufSchema::kubernetes() (core/sandbox/kubernetesapi.proto): any kind listed there is
/// supported. A body that is not valid protobuf fails with Error::Kind::Parse (the server
/// answers 400); a kind, field or content encoding the schema does not know fails with
/// Error::Kind::Invalid and a message naming it (the server answers 415), so nothing sent is
/// silently lost.
Result<QJsonObject> decodeProtobufBody(const QByteArray &body);
Result<QJsonObject> decodeProtobufBody(const QByteArray &body, const ProtobufSchema &schema);

/// decodeProtobufMessage decodes one message of the schema (no envelope) into its JSON form:
/// an object for ordinary messages, a number, string or null for IntOrString, Quantity, Time,
/// MicroTime, Duration, RawExtension and FieldsV1 (undefined for a zero Time), with the same
/// errors as decodeProtobufBody.
Result<QJsonValue> decodeProtobufMessage(const ProtobufSchema &schema, const QString &messageName,
                                         const QByteArray &bytes);

} // namespace Qluster
